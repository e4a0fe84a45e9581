package org.casemgmt.routes.ehr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A page of received resources as an {@link EhrPage}: each mapped, or refused with its reason, and the clients they
 * name. A refusal is about one resource; the rest of the page goes on.
 */
final class EhrMapper {
  private final EhrSource source;
  private final SourceReferences references;
  private final PatientMapping patients;
  private final EncounterMapping encounters;
  private final ConditionMapping conditions;

  EhrMapper(EhrSource source, EhrMappingTables tables, IdentityPolicy identity) {
    this.source = source;
    this.references = new SourceReferences(source);
    this.patients = new PatientMapping(source, identity);
    this.encounters = new EncounterMapping(source, tables);
    this.conditions = new ConditionMapping(source, tables);
  }

  /** The EHR ids of the Patients the resources are about, to be fetched with them. */
  Set<String> clientIds(List<Resource> received) {
    Set<String> ids = new LinkedHashSet<>();
    for (Resource resource : received) {
      String id = clientId(resource);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * @param received the page's resources of the type searched for
   * @param fetched  the Patients fetched for them, by EHR id (those the EHR did not return are missing)
   */
  EhrPage page(String resourceType, List<Resource> received, Map<String, Patient> fetched, String watermark) {
    List<EhrPage.Pulled> pulled = new ArrayList<>();
    for (Resource resource : received) {
      String clientId = clientId(resource);
      try {
        if (clientId == null) {
          throw new EhrRefusal(resource.fhirType() + "/" + resource.getIdElement().getIdPart()
              + ": its subject names no Patient of " + source.baseUrl());
        }
        pulled.add(new EhrPage.Pulled(resource, map(resource), clientId, null));
      } catch (EhrRefusal refusal) {
        pulled.add(new EhrPage.Pulled(resource, null, clientId, refusal.getMessage()));
      }
    }
    Map<String, EhrPage.PulledClient> clients = new LinkedHashMap<>();
    for (EhrPage.Pulled resource : pulled) {
      if (resource.clientId() != null && !clients.containsKey(resource.clientId())) {
        clients.put(resource.clientId(), client(resource.clientId(), fetched.get(resource.clientId())));
      }
    }
    return new EhrPage(source.id(), source.baseUrl(), resourceType, pulled, clients, watermark);
  }

  private EhrPage.PulledClient client(String id, Patient received) {
    if (received == null) {
      return new EhrPage.PulledClient(null, null, "Patient/" + id + " was not returned by " + source.baseUrl()
          + " (deleted, or outside the scopes granted)");
    }
    try {
      return new EhrPage.PulledClient(received, patients.client(received), null);
    } catch (EhrRefusal refusal) {
      return new EhrPage.PulledClient(received, null, refusal.getMessage());
    }
  }

  private Resource map(Resource received) throws EhrRefusal {
    if (received instanceof Encounter encounter) {
      return encounters.visit(encounter);
    }
    if (received instanceof Condition condition) {
      return conditions.diagnosis(condition);
    }
    if (received instanceof Patient patient) {
      return patients.client(patient);
    }
    throw new EhrRefusal(received.fhirType() + " is not pulled");
  }

  private String clientId(Resource received) {
    if (received instanceof Patient patient) {
      return patient.getIdElement().getIdPart();
    }
    Reference subject = received instanceof Encounter encounter ? encounter.getSubject()
        : received instanceof Condition condition ? condition.getSubject() : null;
    return references.idOf(subject, "Patient");
  }
}
