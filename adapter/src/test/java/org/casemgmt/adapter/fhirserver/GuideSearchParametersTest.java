package org.casemgmt.adapter.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.util.List;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The guide's own search parameters are registered with the server and find what base R4 cannot. */
class GuideSearchParametersTest extends FhirServerTest {
  private static final String PROGRAM = ImplementationGuide.CANONICAL + "/CodeSystem/program";

  @Test
  void clientsAreFoundByTheCountyTheyLiveIn() {
    String county = "County" + uniqueValue();
    Patient client = newClient(uniqueValue());
    client.getAddressFirstRep().setDistrict(county);
    String id = create(client);

    assertThat(ids("Patient?address-county=" + county)).containsExactly(id);
    assertThat(ids("Patient?address-county=Elsewhere" + uniqueValue())).isEmpty();
  }

  @Test
  void determinationsAreFoundByProgramAndOutcome() {
    String clientId = create(newClient(uniqueValue()));
    String program = "program-" + uniqueValue().toLowerCase();
    String eligible = create(determination(clientId, program, "eligible"));
    String refused = create(determination(clientId, program, "not-eligible"));
    create(determination(clientId, "other-" + program, "eligible"));

    assertThat(ids("Observation?program=" + PROGRAM + "|" + program + "&outcome=eligible")).containsExactly(eligible);
    assertThat(ids("Observation?program=" + program + "&outcome=not-eligible")).containsExactly(refused);
  }

  @Test
  void overdueReferralTasksAreFoundByDueDate() {
    String clientId = create(newClient(uniqueValue()));
    ServiceRequest referral = example("referral", ServiceRequest.class);
    referral.setSubject(new Reference(clientId)).setRequester(new Reference(clientId));
    referral.getPerformer().clear();
    referral.getSupportingInfo().clear();
    String referralId = create(referral);
    String overdue = create(referralTask(clientId, referralId, "2026-01-15"));
    create(referralTask(clientId, referralId, "2099-01-15"));

    assertThat(ids("Task?patient=" + clientId + "&due=lt2026-02-01&status=requested,accepted,in-progress"))
        .containsExactly(overdue);
  }

  private Observation determination(String clientId, String program, String outcome) {
    Observation determination = example("eligibility-determination", Observation.class);
    determination.setSubject(new Reference(clientId));
    determination.getDerivedFrom().clear();
    determination.getIdentifierFirstRep().setValue(program + "/" + clientId);
    determination.getMethod().getCodingFirstRep().setCode(program);
    determination.getValueCodeableConcept().getCodingFirstRep().setCode(outcome);
    return determination;
  }

  private Task referralTask(String clientId, String referralId, String due) {
    Task task = example("referral-task", Task.class);
    task.setFor(new Reference(clientId)).setFocus(new Reference(referralId)).setRequester(new Reference(clientId));
    task.setOwner(null);
    // A new referral Task starts as requested (workflow rule task-status-transition); the example is further along.
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.getRestriction().getPeriod().setEndElement(new DateTimeType(due));
    return task;
  }

  private String create(Resource resource) {
    return fhir().create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
  }

  private List<String> ids(String search) {
    Bundle found = fhir().search().byUrl(search).returnBundle(Bundle.class).execute();
    return found.getEntry().stream()
        .map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
  }
}
