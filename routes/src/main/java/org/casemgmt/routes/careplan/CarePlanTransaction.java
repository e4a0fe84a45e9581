package org.casemgmt.routes.careplan;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;

/**
 * The FHIR transaction that brings an EHR's copy of a plan in line with ours: its goals and the plan, each a
 * conditional update on an identifier this server gives it, so sending the same plan twice leaves one copy and a
 * changed plan replaces it. An EHR knows none of our resource ids, so references are rewritten: the plan names its
 * goals by their entries in the Bundle, and the client and any other resource by business identifier (a logical
 * reference); a resource without one keeps only its type and display text.
 */
public final class CarePlanTransaction {
  private final FhirTerser terser;
  private final String identifierSystem;

  public CarePlanTransaction(FhirContext fhirContext, String identifierSystem) {
    this.terser = fhirContext.newTerser();
    this.identifierSystem = identifierSystem;
  }

  /** The conditional-update URL of a plan's copy, e.g. {@code CarePlan?identifier=<system>|12}. */
  public String planUrl(String carePlanId) {
    return "CarePlan?identifier=" + identifierSystem + "|" + carePlanId;
  }

  public Bundle of(CarePlanContent content, String patientIdentifierSystem) {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Map<String, String> inBundle = new HashMap<>();
    for (Goal goal : content.goals()) {
      inBundle.put("Goal/" + goal.getIdElement().getIdPart(), "urn:uuid:" + UUID.randomUUID());
    }
    for (Goal stored : content.goals()) {
      String id = stored.getIdElement().getIdPart();
      Goal goal = copyOf(stored, identifierSystem + "-goal", id);
      rewriteReferences(goal, inBundle, content.identifiers(), patientIdentifierSystem);
      put(transaction, inBundle.get("Goal/" + id), goal, "Goal?identifier=" + identifierSystem + "-goal|" + id);
    }
    String planId = content.plan().getIdElement().getIdPart();
    CarePlan plan = copyOf(content.plan(), identifierSystem, planId);
    rewriteReferences(plan, inBundle, content.identifiers(), patientIdentifierSystem);
    put(transaction, "urn:uuid:" + UUID.randomUUID(), plan, planUrl(planId));
    return transaction;
  }

  /** The resource without this server's id and version, carrying the identifier the receiver keeps it under. */
  private static <T extends DomainResource> T copyOf(T stored, String system, String id) {
    @SuppressWarnings("unchecked")
    T copy = (T) stored.copy();
    copy.setIdElement(null);
    Meta meta = new Meta();
    stored.getMeta().getProfile().forEach(profile -> meta.addProfile(profile.getValue()));
    copy.setMeta(meta.isEmpty() ? null : meta);
    List<Identifier> identifiers = identifiersOf(copy);
    if (identifiers.stream().noneMatch(identifier -> system.equals(identifier.getSystem()))) {
      identifiers.add(new Identifier().setSystem(system).setValue(id));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static List<Identifier> identifiersOf(DomainResource resource) {
    if (resource instanceof CarePlan plan) {
      return plan.getIdentifier();
    }
    return ((Goal) resource).getIdentifier();
  }

  private void rewriteReferences(DomainResource resource, Map<String, String> inBundle,
      Map<String, List<Identifier>> identifiers, String patientIdentifierSystem) {
    for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
      if (!reference.hasReference() || reference.getReference().startsWith("#")) {
        continue;
      }
      String target = reference.getReferenceElement().toUnqualifiedVersionless().getValue();
      if (inBundle.containsKey(target)) {
        reference.setReference(inBundle.get(target));
        continue;
      }
      String type = reference.getReferenceElement().getResourceType();
      reference.setReference(null);
      if (type != null) {
        reference.setType(type);
      }
      List<Identifier> known = identifiers.getOrDefault(target, List.of());
      known.stream()
          .filter(identifier -> "Patient".equals(type) && patientIdentifierSystem != null
              && patientIdentifierSystem.equals(identifier.getSystem()))
          .findFirst()
          .or(() -> known.stream().findFirst())
          .ifPresent(identifier -> reference.setIdentifier(
              new Identifier().setSystem(identifier.getSystem()).setValue(identifier.getValue())));
    }
  }

  private static void put(Bundle transaction, String fullUrl, DomainResource resource, String url) {
    transaction.addEntry().setFullUrl(fullUrl).setResource(resource)
        .getRequest().setMethod(HTTPVerb.PUT).setUrl(url);
  }
}
