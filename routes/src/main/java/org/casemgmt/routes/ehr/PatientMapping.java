package org.casemgmt.routes.ehr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * An EHR's Patient as the client record holds a person: the identifiers that let feeds find one another's clients
 * (the EHR's own id as {@code <base>/Patient}, its MRN typed MR, a Medicaid ID typed MB) and the demographics the
 * client profile and residency need. Nothing else crosses over: no extensions, links or references to the EHR's
 * other resources. Identifiers of the types and systems the identity policy ignores (social security numbers) are
 * dropped, as in every feed.
 */
final class PatientMapping {
  private final EhrSource source;
  private final IdentityPolicy identity;
  private final SourceReferences references;

  PatientMapping(EhrSource source, IdentityPolicy identity) {
    this.source = source;
    this.identity = identity;
    this.references = new SourceReferences(source);
  }

  Patient client(Patient received) throws EhrRefusal {
    if (!received.getIdElement().hasIdPart()) {
      throw new EhrRefusal("Patient has no id: later polls could not find it again");
    }
    Map<String, Identifier> identifiers = new LinkedHashMap<>();
    Identifier own = references.identifier("Patient", received.getIdElement().getIdPart());
    identifiers.put(own.getSystem() + "|" + own.getValue(), own);
    for (Identifier identifier : received.getIdentifier()) {
      if (identifier.hasSystem() && identifier.hasValue() && !ignored(identifier)) {
        identifiers.putIfAbsent(identifier.getSystem() + "|" + identifier.getValue(), typed(identifier));
      }
    }
    Patient client = new Patient();
    identifiers.values().forEach(client::addIdentifier);
    for (HumanName name : received.getName()) {
      HumanName copy = name.copy();
      copy.setExtension(null);
      client.addName(copy);
    }
    for (ContactPoint telecom : received.getTelecom()) {
      ContactPoint copy = telecom.copy();
      copy.setExtension(null);
      client.addTelecom(copy);
    }
    client.setGenderElement(received.getGenderElement().copy());
    client.setBirthDateElement(received.getBirthDateElement().copy());
    if (received.hasDeceased()) {
      client.setDeceased(received.getDeceased().copy());
    }
    for (Address address : received.getAddress()) {
      Address copy = address.copy();
      copy.setExtension(null);
      client.addAddress(copy);
    }
    received.getCommunication().stream().filter(Patient.PatientCommunicationComponent::hasLanguage)
        .forEach(c -> client.addCommunication().setLanguage(c.getLanguage().copy())
            .setPreferredElement(c.getPreferredElement().copy()));
    if (client.hasGender() && client.hasName()) {
      client.getMeta().addProfile(Guide.CLIENT);
    }
    return client;
  }

  private boolean ignored(Identifier identifier) {
    return identity.ignores(v2Type(identifier).orElse(null), identifier.getSystem());
  }

  /**
   * MB for the Medicaid system and MR for the EHR's MRN system, as the client profile's slices expect; the sender's
   * v2-0203 type otherwise, except MB, which the profile keeps for the one Medicaid ID.
   */
  private Identifier typed(Identifier received) {
    Identifier identifier = new Identifier().setSystem(received.getSystem()).setValue(received.getValue());
    Optional<String> type = received.getSystem().equals(identity.medicaid().system()) ? Optional.of("MB")
        : received.getSystem().equals(source.mrnSystem()) ? Optional.of("MR")
        : v2Type(received).filter(code -> !"MB".equals(code));
    type.ifPresent(code -> identifier.setType(new CodeableConcept().addCoding(new Coding(Guide.V2_0203, code, null))));
    return identifier;
  }

  private static Optional<String> v2Type(Identifier identifier) {
    return identifier.getType().getCoding().stream()
        .filter(coding -> Guide.V2_0203.equals(coding.getSystem()) && coding.hasCode())
        .map(Coding::getCode).findFirst();
  }
}
