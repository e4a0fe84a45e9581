package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.casemgmt.adapter.reporting.mhcld.MhcldProperties;
import org.casemgmt.adapter.testing.Await;
import org.casemgmt.adapter.testing.Tokens;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MH-CLD submissions through {@code $mhcld-submit}, checked field by field against the records the test writes:
 * who is reported (enrolled and served in the period), each BCI field as the layout and crosswalk have it, SHR's
 * readmission intervals, Part 2 records without consent left out, the add/change/delete tracking between
 * submissions and the report of what was left out. The test's clients are the only ones with records in the
 * reporting period ending in 2011 (July 2010 to June 2011), so the files hold only them.
 */
class MhcldSubmissionTest extends WorkflowTest {
  private static final String PERIOD = "2011";
  private static final String RACE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
  private static final String ETHNICITY = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity";
  private static final String OMB = "urn:oid:2.16.840.1.113883.6.238";
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired
  private MhcldProperties layouts;
  @Autowired
  private DataSource dataSource;

  @Test
  void theStateReceivesItsClientsOfThePeriodFieldByFieldAndThenOnlyWhatChanged() throws Exception {
    staff();
    String served = servedClient();
    String enrolledOnly = create(newClientWithout(null));
    enrollment(enrolledOnly, LocalDate.of(2010, 8, 1));
    String noBirthDate = create(newClientWithout("birthDate"));
    enrollment(noBirthDate, LocalDate.of(2010, 8, 1));
    contact(noBirthDate, LocalDate.of(2010, 9, 1));
    String leaving = create(newClientWithout(null));
    String leavingEnrollment = enrollment(leaving, LocalDate.of(2011, 1, 10));
    contact(leaving, LocalDate.of(2011, 2, 1));

    Parameters first = submit("test-state", "bci", 200);

    assertThat(counts(first)).containsEntry("added", 2).containsEntry("changed", 0).containsEntry("deleted", 0)
        .containsEntry("excluded", 1).containsEntry("withheld", 1);
    List<Map<String, String>> records = records("bci", text(first, "fileName"));
    Map<String, String> header = header(text(first, "fileName"));
    assertThat(header).containsEntry("record-type", "H").containsEntry("state", "IL").containsEntry("file", "BCI")
        .containsEntry("period-start", "07012010").containsEntry("period-end", "06302011")
        .containsEntry("record-count", "2");
    assertThat(records).extracting(r -> r.get("client-id"))
        .containsExactlyInAnyOrder(clientId(served), clientId(leaving));
    Map<String, String> record = records.stream().filter(r -> r.get("client-id").equals(clientId(served)))
        .findFirst().orElseThrow();
    assertThat(record).containsEntry("transaction-type", "A").containsEntry("birth-date", "05171986")
        .containsEntry("sex", "2").containsEntry("race", "21").containsEntry("ethnicity", "12")
        .containsEntry("marital-status", "4").containsEntry("living-arrangement", "1")
        .containsEntry("employment", "98").containsEntry("veteran", "98")
        .containsEntry("mh-diagnosis-1", "F331").containsEntry("mh-diagnosis-2", "F209")
        .containsEntry("mh-diagnosis-3", "98")
        // The opioid use disorder is a Part 2 record without the client's consent to the state: not used.
        .containsEntry("substance-diagnosis", "98").containsEntry("substance-problem", "98")
        .containsEntry("state-hospital", "1").containsEntry("other-psychiatric-inpatient", "2")
        .containsEntry("community-program", "1");
    assertThat(clientId(served)).matches("[A-Z2-9]{12}");
    String report = Files.readString(MHCLD_OUTBOX.resolve(text(first, "fileName") + ".report.csv"));
    assertThat(report).contains(clientId(noBirthDate) + ",birth-date,excluded,\"required, not recorded or not valid\"")
        .contains(clientId(enrolledOnly) + ",,not-reported,\"enrolled in the period, no service recorded in it\"")
        .contains(",veteran,not-collected,2 records sent without a recorded value")
        .contains(",Condition,withheld,1 records not released to the recipient");

    Patient married = fhir().read().resource(Patient.class).withUrl(served).execute();
    married.getMaritalStatus().getCodingFirstRep().setCode("M");
    fhir().update().resource(married).execute();
    EpisodeOfCare error = fhir().read().resource(EpisodeOfCare.class).withUrl(leavingEnrollment).execute();
    fhir().update().resource(error.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ENTEREDINERROR)).execute();
    String newcomer = create(newClientWithout(null));
    enrollment(newcomer, LocalDate.of(2011, 3, 1));
    contact(newcomer, LocalDate.of(2011, 3, 2));

    Parameters second = submit("test-state", "bci", 200);

    assertThat(counts(second)).containsEntry("added", 1).containsEntry("changed", 1).containsEntry("deleted", 1)
        .containsEntry("unchanged", 0);
    assertThat(text(second, "fileName")).isEqualTo("IL_BCI_06302011_02.txt");
    Map<String, String> transactions = records("bci", text(second, "fileName")).stream().collect(Collectors.toMap(
        r -> r.get("client-id"), r -> r.get("transaction-type") + r.get("marital-status")));
    assertThat(transactions).containsEntry(clientId(served), "C2").containsEntry(clientId(newcomer), "A98")
        .containsEntry(clientId(leaving), "D98").hasSize(3);

    Parameters third = submit("test-state", "bci", 200);
    assertThat(counts(third)).containsEntry("added", 0).containsEntry("changed", 0).containsEntry("deleted", 0)
        .containsEntry("unchanged", 2);
    assertThat(third.getParameter("fileName")).isNull();

    Parameters readmissions = submit("test-state", "shr", 200);
    List<Map<String, String>> discharges = records("shr", text(readmissions, "fileName"));
    assertThat(discharges).extracting(r -> String.join(" ", r.get("client-id"), r.get("discharge-date"),
        r.get("readmission-date"), r.get("days-to-readmission"), r.get("readmitted-30"), r.get("readmitted-180")))
        .containsExactlyInAnyOrder(
            clientId(served) + " 09262010 10102010 14 1 1",
            clientId(served) + " 10162010 06012011 228 2 2",
            clientId(served) + " 06072011 98 98 2 2");
  }

  @Test
  void onlyStateReportingSubmitsAndEverySubmissionIsAudited() throws Exception {
    assertThat(post(null, "bci").statusCode()).isEqualTo(401);
    assertThat(post(Tokens.client(baseUrl(), "test-supervisor"), "bci").statusCode()).isEqualTo(403);
    String caseManager = Tokens.user(baseUrl(), "test-workspace", "http://127.0.0.1/callback", "test-cm",
        "test-cm-password", "user/*.read");
    assertThat(post(caseManager, "bci").statusCode()).isEqualTo(403);
    HttpResponse<String> wrongFile = post(Tokens.client(baseUrl(), "test-state"), "tedsx");
    assertThat(wrongFile.statusCode()).isEqualTo(400);
    assertThat(wrongFile.body()).contains("file is bci or shr, not tedsx");

    submit("test-state", "shr", 200);

    // The trail is written from its outbox within a second or so.
    Await.until("the submission's AuditEvent", DEADLINE, () -> auditedQueries().stream()
        .anyMatch(query -> query.equals("/fhir/$mhcld-submit?file=shr&period=" + PERIOD)));
  }

  private List<String> auditedQueries() {
    Bundle events = fhirAs(Tokens.client(baseUrl(), "test-privacy")).search()
        .byUrl("AuditEvent?subtype=operation&outcome=0&_sort=-date&_count=100").returnBundle(Bundle.class).execute();
    return events.getEntry().stream().map(entry -> (AuditEvent) entry.getResource())
        .flatMap(event -> event.getEntity().stream()).filter(AuditEvent.AuditEventEntityComponent::hasQuery)
        .map(entity -> new String(entity.getQuery(), StandardCharsets.UTF_8)).toList();
  }

  // --- the clients

  /**
   * Born 1986-05-17, female, two races, Mexican, divorced, living in a shelter at intake; schizophrenia and then
   * recurrent depression, an opioid use disorder (Part 2); three state hospital stays, the second 14 days after the
   * first; enrolled and seen in the period.
   */
  private String servedClient() {
    Patient patient = newClientWithout(null);
    Extension race = new Extension(RACE);
    race.addExtension("ombCategory", new Coding(OMB, "2106-3", "White"));
    race.addExtension("ombCategory", new Coding(OMB, "2054-5", "Black or African American"));
    race.addExtension("text", new org.hl7.fhir.r4.model.StringType("White and Black"));
    Extension ethnicity = new Extension(ETHNICITY);
    ethnicity.addExtension("ombCategory", new Coding(OMB, "2135-2", "Hispanic or Latino"));
    ethnicity.addExtension("detailed", new Coding(OMB, "2148-5", "Mexican"));
    ethnicity.addExtension("text", new org.hl7.fhir.r4.model.StringType("Mexican"));
    patient.addExtension(race).addExtension(ethnicity);
    patient.setMaritalStatus(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "D", null)));
    String client = create(patient);
    enrollment(client, LocalDate.of(2010, 8, 1));
    contact(client, LocalDate.of(2010, 9, 10));
    diagnosis(client, "F20.9", LocalDate.of(2010, 8, 1));
    diagnosis(client, "F33.1", LocalDate.of(2010, 12, 1));
    diagnosis(client, "F11.20", LocalDate.of(2010, 11, 1));
    stay(client, LocalDate.of(2010, 9, 20), LocalDate.of(2010, 9, 26));
    stay(client, LocalDate.of(2010, 10, 10), LocalDate.of(2010, 10, 16));
    stay(client, LocalDate.of(2011, 6, 1), LocalDate.of(2011, 6, 7));
    QuestionnaireResponse intake = intake(client);
    intake.setAuthoredElement(new DateTimeType("2010-08-15T11:00:00-06:00"));
    create(intake);
    return client;
  }

  /** A client of the guide's example, with a member id of its own and without the element named. */
  private static Patient newClientWithout(String element) {
    Patient client = org.casemgmt.adapter.testing.GuideExamples.newClient(
        org.casemgmt.adapter.testing.GuideExamples.uniqueValue());
    if ("birthDate".equals(element)) {
      client.setBirthDate(null);
    }
    return client;
  }

  /** An enrollment of the period that has ended since (an active one would need a determination of today). */
  private String enrollment(String client, LocalDate start) {
    return create(discharged(enrollment(client, SMI_PROGRAM, start), "goals-met", LocalDate.of(2012, 1, 31)));
  }

  /** A case-management contact in the community on the day. */
  private void contact(String client, LocalDate day) {
    Encounter contact = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
        .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "FLD", null))
        .setSubject(new Reference(client));
    contact.getPeriod().setStartElement(new DateTimeType(day + "T10:00:00-06:00"));
    create(contact);
  }

  private void diagnosis(String client, String code, LocalDate recorded) {
    Condition diagnosis = org.casemgmt.adapter.testing.GuideExamples.example("diagnosis", Condition.class);
    diagnosis.setSubject(new Reference(client)).setEncounter(null);
    diagnosis.getCode().getCodingFirstRep().setCode(code).setDisplay(null);
    diagnosis.setOnset(null).setRecordedDateElement(new DateTimeType(recorded.toString()));
    create(diagnosis);
  }

  private void stay(String client, LocalDate admitted, LocalDate discharged) {
    String stay = episode(client, "psychiatric-inpatient", admitted);
    Encounter encounter = fhir().read().resource(Encounter.class).withUrl(stay).execute();
    encounter.getTypeFirstRep().getCodingFirstRep().setCode("state-psychiatric-hospital");
    encounter.getPeriod().setEndElement(new DateTimeType(discharged + "T12:00:00-06:00"));
    fhir().update().resource(encounter).execute();
  }

  // --- the operation and its files

  private Parameters submit(String caller, String file, int status) throws Exception {
    HttpResponse<String> response = post(Tokens.client(baseUrl(), caller), file);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
  }

  private HttpResponse<String> post(String token, String file) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fhirBase() + "/$mhcld-submit?file=" + file
        + "&period=" + PERIOD)).header("Accept", "application/fhir+json").POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Integer> counts(Parameters answer) {
    return answer.getParameter().stream().filter(p -> p.getValue() instanceof org.hl7.fhir.r4.model.IntegerType)
        .collect(Collectors.toMap(Parameters.ParametersParameterComponent::getName,
            p -> ((org.hl7.fhir.r4.model.IntegerType) p.getValue()).getValue()));
  }

  private static String text(Parameters answer, String name) {
    return answer.getParameter(name).getValue().primitiveValue();
  }

  /** The file's records (after its header), each field by name as the configured layout places it. */
  private List<Map<String, String>> records(String file, String name) throws Exception {
    List<String> lines = Files.readAllLines(MHCLD_OUTBOX.resolve(name), StandardCharsets.US_ASCII);
    List<Map<String, String>> records = new ArrayList<>();
    lines.subList(1, lines.size()).forEach(line -> records.add(fields(layouts.files().get(file).fields(), line)));
    return records;
  }

  private Map<String, String> header(String name) throws Exception {
    String line = Files.readAllLines(MHCLD_OUTBOX.resolve(name), StandardCharsets.US_ASCII).get(0);
    return fields(layouts.files().get("bci").header(), line);
  }

  private static Map<String, String> fields(List<MhcldProperties.Field> layout, String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    int offset = 0;
    for (MhcldProperties.Field field : layout) {
      assertThat(line.length()).as("record width").isGreaterThanOrEqualTo(offset + field.width());
      fields.put(field.name(), line.substring(offset, offset + field.width()).trim());
      offset += field.width();
    }
    assertThat(line).hasSize(offset);
    return fields;
  }

  private String clientId(String client) {
    return new JdbcTemplate(dataSource).queryForObject("select CLIENT_ID from CM_MHCLD_CLIENT where PATIENT_ID = ?",
        String.class, client.substring(client.indexOf('/') + 1));
  }
}
