package org.casemgmt.adapter.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.example;
import static org.casemgmt.adapter.testing.GuideExamples.newClient;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;
import static org.casemgmt.adapter.testing.MllpSender.ackCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.casemgmt.adapter.claims.ClaimsCsv;
import org.casemgmt.adapter.testing.Await;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.adapter.testing.MllpSender;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * The running service, and a client's evidence put in through its public interfaces: the FHIR API, ADT over MLLP and
 * claim files in the inbox.
 */
public abstract class EligibilityServerTest extends FhirServerTest {
  protected static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  protected static final String NORTHSIDE_MRN = "https://northside.example.org/sid/mrn";
  protected static final String DETERMINATION = "https://fhir.casemgmt-adapter.org/CodeSystem/case-management"
      + "|eligibility-determination";
  private static final Duration DEADLINE = Duration.ofMinutes(2);

  /** {@code $evaluate-eligibility}; today when the date is null. */
  protected Observation evaluate(String patientId, String program, String date) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("program").setValue(new CodeType(program));
    if (date != null) {
      parameters.addParameter().setName("date").setValue(new DateType(date));
    }
    return fhir().operation().onInstance(new IdType("Patient", patientId)).named("$evaluate-eligibility")
        .withParameters(parameters).returnResourceType(Observation.class).execute();
  }

  protected static String outcome(Observation determination) {
    return determination.getValueCodeableConcept().getCodingFirstRep().getCode();
  }

  /** A client written through the API under its own Medicaid id, in Sangamon county (IL) or with no address. */
  protected String createClient(String medicaidId, boolean withAddress) {
    Patient client = newClient(medicaidId);
    client.getIdentifier().removeIf(identifier -> !MEDICAID.equals(identifier.getSystem()));
    if (!withAddress) {
      client.getAddress().clear();
    }
    return fhir().create().resource(client).execute().getId().getIdPart();
  }

  /** Medicaid managed care (SOPT 21) from the given day, open-ended. */
  protected String createMedicaidCoverage(String client, String medicaidId, String start) {
    Coverage coverage = example("medicaid-coverage", Coverage.class);
    coverage.getIdentifierFirstRep().setValue(medicaidId);
    coverage.setSubscriberId(medicaidId);
    coverage.setBeneficiary(new Reference("Patient/" + client));
    coverage.getPeriod().setStartElement(new DateTimeType(start));
    coverage.setPayor(List.of(new Reference().setDisplay("Illinois Medicaid managed care plan")));
    return "Coverage/" + fhir().create().resource(coverage).execute().getId().getIdPart();
  }

  protected void createStay(String client, String start, String end) {
    Encounter stay = example("hospitalization", Encounter.class);
    stay.setIdentifier(List.of(new Identifier().setSystem("https://ehr.example.org/sid/visit")
        .setValue("V" + uniqueValue())));
    stay.setSubject(new Reference("Patient/" + client));
    stay.getPeriod().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
    fhir().create().resource(stay).execute();
  }

  protected void createDiagnosis(String client, String code, String recorded) {
    Condition diagnosis = example("diagnosis", Condition.class);
    diagnosis.setSubject(new Reference("Patient/" + client));
    diagnosis.setEncounter(null);
    diagnosis.getCode().getCodingFirstRep().setCode(code).setDisplay(null);
    diagnosis.setRecordedDateElement(new DateTimeType(recorded));
    fhir().create().resource(diagnosis).execute();
  }

  /** A stay on Northside's psychiatric unit (5EAST, service PSY): the admission, then the discharge. */
  protected static void admitAndDischarge(String mrn, String medicaidId, String admitted, String discharged) {
    String visit = "V" + uniqueValue();
    sendAdt(adt("A01", mrn, medicaidId, visit, admitted, null));
    sendAdt(adt("A03", mrn, medicaidId, visit, admitted, discharged));
  }

  /** An admission to Northside's psychiatric unit, not yet discharged. */
  protected static void admit(String mrn, String medicaidId, String admitted) {
    sendAdt(adt("A01", mrn, medicaidId, "V" + uniqueValue(), admitted, null));
  }

  private static void sendAdt(String message) {
    try (MllpSender hospital = new MllpSender(MLLP_PORT)) {
      assertThat(ackCode(hospital.send(message))).isEqualTo("AA");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String adt(String event, String mrn, String medicaidId, String visit, String admitted,
      String discharged) {
    String sent = (discharged == null ? admitted : discharged) + "120000-0600";
    String[] pv1 = new String[46];
    Arrays.fill(pv1, "");
    pv1[1] = "1";
    pv1[2] = "I";
    pv1[3] = "5EAST^501^A";
    pv1[10] = "PSY";
    pv1[19] = visit;
    pv1[44] = admitted + "080000-0600";
    if (discharged != null) {
      pv1[36] = "01";
      pv1[45] = discharged + "113000-0600";
    }
    return String.join("\r",
        "MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|AGENCY|" + sent + "||ADT^" + event + "^ADT_A01|"
            + UUID.randomUUID().toString().substring(0, 20) + "|P|2.5.1",
        "EVN|" + event + "|" + sent,
        "PID|1||" + mrn + "^^^NORTHSIDE^MR~" + medicaidId + "^^^MEDICAID^MA||Rivera^Dana^M||19860517|F|||"
            + "12 Elm St^^Springfield^IL^62704^USA^H^^Sangamon",
        "PV1|" + String.join("|", Arrays.copyOfRange(pv1, 1, 46)),
        // DG1-6 F: the final diagnosis (an admitting one, A, is provisional and confirms nothing).
        "DG1|1||F20.9^Schizophrenia, unspecified^I10||" + admitted + "|F") + "\r";
  }

  protected static String claimId() {
    return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
  }

  /** Moved into the claims inbox whole, as an upload completes; waits until the file is processed. */
  protected static void dropClaims(ClaimsCsv claims) throws Exception {
    String name = "eligibility-" + UUID.randomUUID() + ".csv";
    Path upload = Files.createTempFile(CLAIMS_INBOX.getParent(), "upload", ".tmp");
    Files.writeString(upload, claims.text(), StandardCharsets.UTF_8);
    Files.move(upload, CLAIMS_INBOX.resolve(name));
    Path report = CLAIMS_INBOX.resolve("processed").resolve(name + ".report");
    Path processed = CLAIMS_INBOX.resolve("processed").resolve(name);
    awaitTrue("claims file " + name + " processed", () -> Files.exists(report) && Files.exists(processed));
    try {
      assertThat(Files.readString(report)).contains("outcome: LOADED").contains("claims rejected: 0");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Waits until the condition holds, failing after two minutes. */
  protected static void awaitTrue(String what, BooleanSupplier condition) {
    Await.until(what, DEADLINE, condition);
  }
}
