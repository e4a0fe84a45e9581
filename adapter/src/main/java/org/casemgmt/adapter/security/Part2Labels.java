package org.casemgmt.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import org.casemgmt.adapter.storage.WritePipeline;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Labels 42 CFR Part 2 records as they are stored, whichever way they come in (feeds, the API, a transaction): a
 * substance-use diagnosis among the resource's codes, or a Part 2 program as its provider, gives it
 * {@code meta.security} R (restricted), ETH (substance abuse information) and 42CFRPart2. A label once given stays:
 * an update that drops it gets it back, unless an administrator's (who may {@code $meta-delete}) removes it.
 */
@Interceptor
public class Part2Labels implements WritePipeline.Step {
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  static final List<Coding> LABELS = List.of(
      new Coding(CONFIDENTIALITY, "R", "restricted"),
      new Coding(ACT_CODE, "ETH", "substance abuse information sensitivity"),
      new Coding(ACT_CODE, "42CFRPart2", "42 CFR Part2"));
  /** Where the codes of the types that carry diagnoses and services are. */
  private static final List<String> CODE_PATHS = List.of("code", "reasonCode", "diagnosis.diagnosis");
  private static final List<String> PROVIDER_PATHS = List.of("serviceProvider", "provider", "facility", "performer",
      "careTeam.provider", "participant.individual", "recorder", "asserter");

  private final Part2Properties policy;
  private final FhirContext context;
  private final FhirTerser terser;

  Part2Labels(Part2Properties policy, FhirContext context) {
    this.context = context;
    this.policy = policy;
    this.terser = context.newTerser();
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = WritePipeline.PART2_LABELS)
  void beforeCreate(IBaseResource resource) {
    withoutReleaseObligations(resource);
    if (isPart2Record(resource)) {
      label(resource);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = WritePipeline.PART2_LABELS)
  void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    boolean mayUnlabel = FhirAccessControl.grant(request).map(grant -> grant.allowsOperation("$meta-delete"))
        .orElse(false);
    withoutReleaseObligations(resource);
    if (isPart2Record(resource) || (Part2Release.labelled(previous) && !mayUnlabel)) {
      label(resource);
    }
  }

  /** Whether the content makes it a Part 2 record. */
  boolean isPart2Record(IBaseResource resource) {
    for (String path : CODE_PATHS) {
      for (Object value : values(resource, path)) {
        if (value instanceof CodeableConcept concept && concept.getCoding().stream()
            .anyMatch(this::isSubstanceUseDiagnosis)) {
          return true;
        }
      }
    }
    for (String path : PROVIDER_PATHS) {
      for (Object value : values(resource, path)) {
        if (value instanceof Reference provider && isProgram(provider)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isSubstanceUseDiagnosis(Coding coding) {
    return coding.hasCode() && policy.diagnosisSystems().contains(coding.getSystem())
        && policy.diagnosisPrefixes().stream().anyMatch(prefix -> coding.getCode().startsWith(prefix));
  }

  private boolean isProgram(Reference provider) {
    if (provider.hasReference() && policy.programOrganizations().contains(provider.getReference())) {
      return true;
    }
    Identifier id = provider.getIdentifier();
    return id.hasValue() && (policy.programOrganizations().contains(id.getSystem() + "|" + id.getValue())
        || ("http://hl7.org/fhir/sid/us-npi".equals(id.getSystem()) && policy.programNpis().contains(id.getValue())));
  }

  /** The values under a path, for the resource types that have it. */
  private List<?> values(IBaseResource resource, String path) {
    String type = context.getResourceType(resource);
    if (context.getResourceDefinition(type).getChildByName(path.split("\\.")[0]) == null) {
      return List.of();
    }
    try {
      return terser.getValues(resource, type + "." + path);
    } catch (RuntimeException notThatShape) {
      return List.of(); // the path goes elsewhere in this type (Encounter.diagnosis holds references)
    }
  }

  /** The redisclosure obligation is put on copies as they leave; one sent back is not part of the record. */
  private static void withoutReleaseObligations(IBaseResource resource) {
    resource.getMeta().getSecurity().removeIf(label -> ACT_CODE.equals(label.getSystem())
        && Part2Release.NO_REDISCLOSURE.equals(label.getCode()));
  }

  /**
   * Gives the resource the Part 2 labels it lacks. For a writer that knows a record is Part 2 by what the record
   * itself does not show (a claims episode built on a substance-use program's claim); once stored, the label stays.
   */
  public static void label(IBaseResource resource) {
    for (Coding label : LABELS) {
      boolean present = resource.getMeta().getSecurity().stream()
          .anyMatch(existing -> label.getSystem().equals(existing.getSystem())
              && label.getCode().equals(existing.getCode()));
      if (!present) {
        IBaseCoding added = resource.getMeta().addSecurity();
        added.setSystem(label.getSystem()).setCode(label.getCode()).setDisplay(label.getDisplay());
      }
    }
  }
}
