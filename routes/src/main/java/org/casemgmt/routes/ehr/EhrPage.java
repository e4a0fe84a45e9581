package org.casemgmt.routes.ehr;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * One page of an EHR search, read and mapped: each resource as received (for Provenance and dead letters) and as it
 * is to be recorded, and the clients (the EHR's Patients) they belong to. Mapped resources have no ids and no
 * subject: which stored client and resource they are is for identity matching to decide.
 *
 * @param sourceId     the source's id
 * @param baseUrl      the source's FHIR base: the identifier systems of what it sends start with it
 * @param resourceType the type searched for
 * @param resources    the page's resources, in the EHR's order
 * @param clients      the clients they name, by the EHR's Patient id
 * @param watermark    the {@code _lastUpdated} to store once the page is committed, or null to leave it
 */
public record EhrPage(String sourceId, String baseUrl, String resourceType, List<Pulled> resources,
    Map<String, PulledClient> clients, String watermark) {

  public EhrPage {
    resources = List.copyOf(resources);
    clients = Map.copyOf(clients);
  }

  /** The feed of this source's dead letters: {@code ehr-<id>}. */
  public String feed() {
    return "ehr-" + sourceId;
  }

  /** The identifier system of this EHR's resources of a type, {@code <base>/<type>}. */
  public String system(String type) {
    return baseUrl + "/" + type;
  }

  /** What a dead letter keeps of a refused resource: it as received, with its client as received (if any). */
  public Bundle deadLetterPayload(Pulled pulled) {
    Bundle payload = new Bundle().setType(Bundle.BundleType.COLLECTION);
    payload.addEntry().setResource(pulled.received());
    PulledClient client = pulled.clientId() == null ? null : clients.get(pulled.clientId());
    if (client != null && client.received() != null && client.received() != pulled.received()) {
      payload.addEntry().setResource(client.received());
    }
    return payload;
  }

  /** Where a resource is at the EHR, {@code <base>/<type>/<id>}: the dead letter's source. */
  public String location(Resource received) {
    return baseUrl + "/" + received.fhirType() + "/" + received.getIdElement().getIdPart();
  }

  /**
   * A resource of the page.
   *
   * @param received as the EHR sent it
   * @param mapped   as it is to be recorded; null when refused
   * @param clientId the EHR id of the Patient it is about; null when it names none
   * @param refusal  why it cannot be recorded, or null
   */
  public record Pulled(Resource received, Resource mapped, String clientId, String refusal) {
  }

  /**
   * A client the page's resources name.
   *
   * @param received the EHR's Patient; null when the EHR did not return it
   * @param mapped   as the client record holds a Patient; null when refused
   * @param refusal  why it cannot be recorded, or null
   */
  public record PulledClient(Patient received, Patient mapped, String refusal) {
  }
}
