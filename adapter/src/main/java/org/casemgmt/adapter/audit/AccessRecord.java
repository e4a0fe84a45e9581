package org.casemgmt.adapter.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.casemgmt.adapter.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * One access as the audit trail keeps it, in the shapes of IHE's Basic Audit Log Patterns (BALP): a RESTful event
 * with the interaction, the client application and the user (with scopes, IP address and purpose of use), the
 * outcome, the data touched and the query; a patient-specific access gives one AuditEvent per client whose data left
 * or was written, so each client's trail is complete on its own.
 *
 * @param caller the token's caller; null when there was no valid token
 * @param address the caller's IP address
 * @param interaction the FHIR interaction code ("read", "search-type", "create", "operation") or the admin action
 * @param action C, R, U, D or E (execute)
 * @param status the HTTP status answered
 * @param reason why it was refused or failed, if it was
 * @param clients the clients ("Patient/12") whose data left or was written
 * @param data the resources touched ("Encounter/5"), when known
 * @param query the request line (path and query) for searches and admin calls
 */
public record AccessRecord(Caller caller, String address, String interaction, AuditEventAction action, int status,
    String reason, Set<String> clients, List<String> data, String query) {
  static final String CLIENT_SYSTEM = "https://fhir.casemgmt-adapter.org/sid/oauth-client";
  static final String USER_SYSTEM = "https://fhir.casemgmt-adapter.org/sid/oauth-subject";
  static final String RESOURCE_SYSTEM = "https://fhir.casemgmt-adapter.org/sid/resource-id";
  private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

  /** The AuditEvents of this access: one per client concerned, or one when none is. */
  List<AuditEvent> events(Instant at) {
    List<AuditEvent> events = new ArrayList<>();
    if (clients.isEmpty()) {
      events.add(event(at, null));
    } else {
      clients.stream().sorted().forEach(client -> events.add(event(at, client)));
    }
    return events;
  }

  private AuditEvent event(Instant at, String client) {
    AuditEvent event = new AuditEvent();
    event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    event.addSubtype(interaction.startsWith("admin ")
        ? new Coding("https://fhir.casemgmt-adapter.org/CodeSystem/admin-interaction", interaction.substring(6), null)
        : new Coding("http://hl7.org/fhir/restful-interaction", interaction, null));
    event.setAction(action);
    event.setRecorded(Date.from(at));
    event.setOutcome(status < 400 ? AuditEventOutcome._0 : status < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8);
    if (reason != null) {
      event.setOutcomeDesc(status + " " + reason);
    }
    if (caller != null && caller.purposeOfUse() != null) {
      event.addPurposeOfEvent(new CodeableConcept(
          new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", caller.purposeOfUse(), null)));
    }
    agents(event);
    event.getSource().setObserver(new Reference().setDisplay("casemgmt-adapter"))
        .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
    if (client != null) {
      event.addEntity().setWhat(new Reference(client))
          .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
          .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
    }
    for (String resource : data) {
      event.addEntity().setWhat(new Reference(resource))
          .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
          .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"));
    }
    if (query != null) {
      event.addEntity()
          .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
          .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query"))
          .setQuery(query.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return event;
  }

  /**
   * The event with its references to resources kept as identifiers ("Patient/12" under the resource-id system):
   * for the few events about resources that are gone or never were, which the store's referential integrity refuses.
   */
  static void logical(AuditEvent event) {
    List<Reference> references = new ArrayList<>();
    event.getEntity().forEach(entity -> references.add(entity.getWhat()));
    event.getAgent().forEach(agent -> references.add(agent.getWho()));
    for (Reference reference : references) {
      if (reference.hasReference()) {
        if (!reference.hasIdentifier()) {
          reference.setIdentifier(new Identifier().setSystem(RESOURCE_SYSTEM).setValue(reference.getReference()));
        }
        reference.setDisplay(reference.getReference());
        reference.setReference(null);
      }
    }
  }

  /** The client application and, for a user's token, the user: BALP's client and user agents. */
  private void agents(AuditEvent event) {
    AuditEvent.AuditEventAgentComponent application = event.addAgent()
        .setType(new CodeableConcept(new Coding(DICOM, "110153", "Source Role ID")))
        .setRequestor(caller == null || caller.subject().equals(caller.clientId()));
    application.getNetwork().setAddress(address).setType(AuditEvent.AuditEventAgentNetworkType._2);
    if (caller == null) {
      application.setWho(new Reference().setDisplay("anonymous"));
      return;
    }
    application.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM)
        .setValue(caller.clientId())));
    caller.scopes().forEach(application::addPolicy);
    if (!caller.subject().equals(caller.clientId())) {
      AuditEvent.AuditEventAgentComponent user = event.addAgent()
          .setType(new CodeableConcept(new Coding(
              "http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user")))
          .setRequestor(true)
          .setAltId(caller.role());
      Reference who = new Reference().setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(caller.subject()));
      if (caller.fhirUser() != null) {
        who.setReference(caller.fhirUser());
      }
      user.setWho(who);
      caller.scopes().forEach(user::addPolicy);
    } else if (caller.role() != null) {
      application.setAltId(caller.role());
    }
  }
}
