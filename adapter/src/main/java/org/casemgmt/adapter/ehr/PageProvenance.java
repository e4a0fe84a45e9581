package org.casemgmt.adapter.ehr;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.casemgmt.routes.ehr.EhrPage;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Where a page's writes came from: the EHR, named by its base URL, as the custodian of the record, and each resource
 * as received, by its URL at the EHR (with version) and its identifier there, {@code <base>/<type>|<id>}.
 */
final class PageProvenance {
  /** Identifier system whose values are URLs (RFC 3986), here the EHR's FHIR base. */
  static final String URL_SYSTEM = "urn:ietf:rfc:3986";

  private PageProvenance() {
  }

  /** @param sources the received resources whose data was written (the targets are added by the transaction) */
  static Provenance of(EhrPage page, List<Resource> sources, Instant recorded) {
    Provenance provenance = new Provenance();
    provenance.setRecorded(Date.from(recorded));
    provenance.addAgent()
        .setType(new CodeableConcept(new Coding(
            "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "custodian", "Custodian")))
        .setWho(new Reference()
            .setIdentifier(new Identifier().setSystem(URL_SYSTEM).setValue(page.baseUrl()))
            .setDisplay("EHR " + page.sourceId() + " (" + page.baseUrl() + ")"));
    for (Resource source : sources) {
      String id = source.getIdElement().getIdPart();
      String version = source.getMeta().hasVersionId() ? source.getMeta().getVersionId()
          : source.getIdElement().getVersionIdPart();
      provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
          .setWhat(new Reference()
              .setType(source.fhirType())
              .setIdentifier(new Identifier().setSystem(page.system(source.fhirType())).setValue(id))
              .setDisplay(page.location(source) + (version == null ? "" : "/_history/" + version)));
    }
    return provenance;
  }
}
