package org.casemgmt.adapter.workflow;

import java.util.Optional;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** The guide's codes and URLs the workflow reads and writes, and how it tells its resources apart. */
public final class WorkflowCodes {
  public static final String CASE_MANAGEMENT = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";
  public static final String REFERRAL_TYPE = ImplementationGuide.CANONICAL + "/CodeSystem/referral-type";
  public static final String PROGRAM = ImplementationGuide.CANONICAL + "/CodeSystem/program";
  public static final String CM_MODEL = ImplementationGuide.CANONICAL + "/CodeSystem/cm-model";
  public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
  public static final String ISP_APPROVAL = ImplementationGuide.CANONICAL + "/StructureDefinition/isp-approval";
  public static final String DISCHARGE_REASON = ImplementationGuide.CANONICAL + "/StructureDefinition/discharge-reason";
  /** Identifiers of the Tasks the workflow opens: one per referral, one per reassessment due. */
  public static final String WORKFLOW_TASK = ImplementationGuide.CANONICAL + "/sid/workflow-task";
  public static final String CASE_MANAGEMENT_REFERRAL = "case-management";
  public static final String CASE_MANAGER = "case-manager";

  private WorkflowCodes() {
  }

  /** The kinds of Task the workflow follows: a referral's fulfilment and its own screening and reassessment work. */
  public enum TaskKind {
    FULFILL("fulfill"), SCREENING("screening"), REASSESSMENT("reassessment");

    private final String code;

    TaskKind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public Coding coding() {
      return this == FULFILL ? new Coding(TASK_CODE, code, "Fulfill the focal request")
          : new Coding(CASE_MANAGEMENT, code, this == SCREENING ? "Screen referred client" : "Reassess enrolled client");
    }

    public static Optional<TaskKind> of(Task task) {
      for (TaskKind kind : values()) {
        String system = kind == FULFILL ? TASK_CODE : CASE_MANAGEMENT;
        if (has(task.getCode(), system, kind.code)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** An Individualized Service Plan: a CarePlan categorised case-management#isp. */
  public static boolean isIsp(CarePlan plan) {
    return plan.getCategory().stream().anyMatch(category -> has(category, CASE_MANAGEMENT, "isp"));
  }

  /** The referral-type code of a referral (code first, then category); empty when it is no referral. */
  public static Optional<String> referralType(ServiceRequest request) {
    return code(request.getCode(), REFERRAL_TYPE)
        .or(() -> request.getCategory().stream().map(category -> code(category, REFERRAL_TYPE))
            .flatMap(Optional::stream).findFirst());
  }

  public static Optional<String> code(CodeableConcept concept, String system) {
    return concept == null ? Optional.empty() : concept.getCoding().stream()
        .filter(coding -> system.equals(coding.getSystem()) && coding.hasCode()).map(Coding::getCode).findFirst();
  }

  public static boolean has(CodeableConcept concept, String system, String code) {
    return concept != null && concept.getCoding().stream()
        .anyMatch(coding -> system.equals(coding.getSystem()) && code.equals(coding.getCode()));
  }

  /** "Patient/12" from a reference to a Patient; empty for anything else. */
  public static Optional<String> patient(Reference reference) {
    if (reference == null || !reference.hasReference()
        || !"Patient".equals(reference.getReferenceElement().getResourceType())) {
      return Optional.empty();
    }
    return Optional.of("Patient/" + reference.getReferenceElement().getIdPart());
  }

  /** "Type/id" of a stored resource, without version or base. */
  public static String reference(org.hl7.fhir.r4.model.Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }
}
