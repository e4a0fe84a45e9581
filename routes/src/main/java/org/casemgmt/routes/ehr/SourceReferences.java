package org.casemgmt.routes.ehr;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * References between one EHR's resources. Its Patients and Encounters become resources of the record with their own
 * ids; everything else it names (Locations, Organizations, Practitioners) is not stored here, so a reference to it
 * is kept as a logical one, by identifier {@code <base>/<type>|<id>}, which the store accepts without the target.
 */
final class SourceReferences {
  private final EhrSource source;

  SourceReferences(EhrSource source) {
    this.source = source;
  }

  /** The EHR id of the resource of this type the reference points at, or null when it names none of this EHR's. */
  String idOf(Reference reference, String type) {
    if (reference == null || !reference.hasReference() || reference.getReference().startsWith("#")) {
      return null;
    }
    IdType target = new IdType(reference.getReference());
    if (target.hasBaseUrl() && !source.baseUrl().equals(target.getBaseUrl().replaceAll("/+$", ""))) {
      return null;
    }
    return type.equals(target.getResourceType()) && target.hasIdPart() ? target.getIdPart() : null;
  }

  /** {@code <base>/<type>|<id>}: how a resource of this EHR is known on the record. */
  Identifier identifier(String type, String id) {
    return new Identifier().setSystem(source.system(type)).setValue(id);
  }

  /** A reference kept by identifier and display only, or null when there is nothing to keep. */
  Reference logical(Reference reference) {
    if (reference == null || reference.isEmpty()) {
      return null;
    }
    Reference logical = new Reference();
    if (reference.hasReference() && !reference.getReference().startsWith("#")) {
      IdType target = new IdType(reference.getReference());
      if (target.hasResourceType() && target.hasIdPart()
          && (!target.hasBaseUrl() || source.baseUrl().equals(target.getBaseUrl().replaceAll("/+$", "")))) {
        logical.setType(target.getResourceType()).setIdentifier(identifier(target.getResourceType(),
            target.getIdPart()));
      }
    } else if (reference.hasIdentifier()) {
      logical.setIdentifier(reference.getIdentifier().copy());
    }
    if (reference.hasDisplay()) {
      logical.setDisplay(reference.getDisplay());
    }
    return logical.isEmpty() ? null : logical;
  }
}
