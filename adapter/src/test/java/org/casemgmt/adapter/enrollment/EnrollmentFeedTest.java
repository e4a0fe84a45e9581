package org.casemgmt.adapter.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.adapter.testing.FeedInbox.Report;
import org.casemgmt.adapter.testing.FhirServerTest;
import org.casemgmt.routes.enrollment.generator.Enrollment834;
import org.casemgmt.routes.enrollment.generator.EnrollmentFileGenerator;
import org.casemgmt.routes.enrollment.generator.Member834;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestTemplate;

/**
 * Medicaid enrollment files dropped into the inbox (a real folder) become Medicaid coverage and current demographics
 * and residence on the unified client record, over FHIR, with Provenance naming the file; members the file cannot
 * give are rejected with where and why while the others load; an unreadable file goes to error/ and can be replayed.
 */
class EnrollmentFeedTest extends FhirServerTest {
  private static final String MEDICAID = "urn:oid:2.16.840.1.113883.4.927";
  private static final String ENROLLMENT = "https://fhir.casemgmt-adapter.org/sid/medicaid-enrollment";
  private static final FeedInbox INBOX = new FeedInbox(ENROLLMENT_INBOX);

  @Test
  void anAdditionMakesTheClientWithTheirResidenceAndMedicaidCoverage() throws Exception {
    String member = member();
    String file = drop(Member834.added(member).address("12 ELM ST", "SPRINGFIELD", "IL", "627040000", "17167"));

    Report report = INBOX.awaitReport("processed", file);
    assertThat(report.value("outcome")).isEqualTo("LOADED");
    assertThat(report.value("members recorded")).isEqualTo("1");
    assertThat(report.value("clients created")).isEqualTo("1");
    assertThat(report.value("coverages written")).isEqualTo("1");

    Patient client = client(member);
    assertThat(client.getNameFirstRep().getFamily()).isEqualTo("RIVERA");
    assertThat(client.getBirthDateElement().getValueAsString()).isEqualTo("1986-04-12");
    assertThat(client.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    Address home = client.getAddressFirstRep();
    assertThat(home.getUse()).isEqualTo(Address.AddressUse.HOME);
    assertThat(home.getDistrict()).isEqualTo("Sangamon"); // N406 17167, the county's FIPS code (config/enrollment.yml)
    assertThat(home.getPostalCode()).isEqualTo("627040000");
    assertThat(home.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-01-02"); // the file's date

    Coverage coverage = coverage(member);
    assertThat(coverage.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);
    assertThat(coverage.getType().getCodingFirstRep().getCode()).isEqualTo("2"); // SOPT Medicaid
    assertThat(coverage.getSubscriberId()).isEqualTo(member);
    assertThat(coverage.getBeneficiary().getReference()).isEqualTo("Patient/" + client.getIdPart());
    assertThat(coverage.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-01-01");
    assertThat(coverage.getPeriod().hasEnd()).isFalse();
    assertThat(coverage.getPayorFirstRep().getIdentifier().getValue()).isEqualTo(Enrollment834.PAYER_ID);

    Provenance provenance = single(Provenance.class, "Provenance?target=Coverage/" + coverage.getIdPart());
    assertThat(provenance.getTarget()).extracting(target -> target.getReference().replaceAll("/_history/.*", ""))
        .containsExactlyInAnyOrder("Patient/" + client.getIdPart(), "Coverage/" + coverage.getIdPart());
    assertThat(provenance.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo(file);
  }

  @Test
  void aChangeOfAddressKeepsThePreviousAddressWithItsEnd() throws Exception {
    String member = member();
    INBOX.awaitReport("processed", drop(Member834.added(member)));
    Coverage before = coverage(member);

    Report report = INBOX.awaitReport("processed", drop(Member834.maintained(member, "001").effective("20250601")
        .address("40 OAK AVE", "PETERSBURG", "IL", "62675", "MENARD")));
    assertThat(report.value("clients updated")).isEqualTo("1");
    assertThat(report.value("coverages written")).isEqualTo("0");

    assertThat(client(member).getAddress()).extracting(address -> address.getUse().toCode() + " "
        + address.getLine().get(0).getValue() + " " + address.getDistrict() + " "
        + address.getPeriod().getStartElement().getValueAsString() + ".."
        + (address.getPeriod().hasEnd() ? address.getPeriod().getEndElement().getValueAsString() : ""))
        .containsExactly("old 12 ELM ST SANGAMON 2025-01-02..2025-05-31", "home 40 OAK AVE MENARD 2025-06-01..");
    assertThat(coverage(member).getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
  }

  @Test
  void aTerminationEndsTheCoverageAndAReinstatementOpensItAgain() throws Exception {
    String member = member();
    INBOX.awaitReport("processed", drop(Member834.added(member)));

    INBOX.awaitReport("processed", drop(Member834.maintained(member, "024").maintenance("024", "07")
        .coverage("024", "HLT", "20250101", "20250630")));
    Coverage ended = coverage(member);
    assertThat(ended.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);
    assertThat(ended.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-06-30");

    INBOX.awaitReport("processed", drop(Member834.maintained(member, "025").maintenance("025", "41")
        .coverage("025", "HLT", "20250101", null)));
    Coverage reinstated = coverage(member);
    assertThat(reinstated.getIdPart()).isEqualTo(ended.getIdPart());
    assertThat(reinstated.getPeriod().hasEnd()).isFalse();
    assertThat(reinstated.getMeta().getVersionId()).isEqualTo("3");

    // The member as a whole, without coverage loops: ended on the eligibility end date, then reinstated.
    INBOX.awaitReport("processed", drop(Member834.maintained(member, "024").eligibilityEnd("20251031")));
    assertThat(coverage(member).getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-10-31");
    INBOX.awaitReport("processed", drop(Member834.maintained(member, "025")));
    assertThat(coverage(member).getPeriod().hasEnd()).isFalse();
    assertThat(search(Coverage.class, "Coverage?identifier=" + MEDICAID + "|" + member)).hasSize(1);
  }

  @Test
  void aCancellationBeforeTheCoverageBeganLeavesItOutOfForce() throws Exception {
    String member = member();
    INBOX.awaitReport("processed", drop(Member834.added(member).withoutCoverage()
        .coverage("021", "HLT", "20260101", null)));
    INBOX.awaitReport("processed", drop(Member834.maintained(member, "024")
        .coverage("024", "HLT", "20260101", "20251231")));
    assertThat(coverage(member).getStatus()).isEqualTo(Coverage.CoverageStatus.CANCELLED);
  }

  @Test
  void theSameFileTwiceOrTheSameRecordsAgainChangeNothing() throws Exception {
    String member = member();
    String text = Enrollment834.file(Member834.added(member));
    INBOX.awaitReport("processed", INBOX.drop(name(), text));
    Patient client = client(member);
    Coverage coverage = coverage(member);

    assertThat(INBOX.awaitReport("processed", INBOX.drop(name(), text)).value("outcome"))
        .isEqualTo("ALREADY_LOADED");
    // The same records in another file (a monthly file that repeats them): read, and nothing written.
    Report again = INBOX.awaitReport("processed", INBOX.drop(name(), text.replace("000000901", "000000902")));
    assertThat(again.value("outcome")).isEqualTo("LOADED");
    assertThat(again.value("members unchanged")).isEqualTo("1");
    assertThat(client(member).getMeta().getVersionId()).isEqualTo(client.getMeta().getVersionId());
    assertThat(coverage(member).getMeta().getVersionId()).isEqualTo(coverage.getMeta().getVersionId());
    assertThat(search(Provenance.class, "Provenance?target=Coverage/" + coverage.getIdPart())).hasSize(1);
  }

  @Test
  void aMalformedMemberIsRejectedWithWhereAndWhyAndTheOthersLoad() throws Exception {
    String first = member();
    String bad = member();
    String last = member();
    String file = drop(Member834.added(first), Member834.added(bad).born("19860230", "F"), Member834.added(last));

    Report report = INBOX.awaitReport("processed", file);
    assertThat(report.value("outcome")).isEqualTo("LOADED_WITH_REJECTIONS");
    assertThat(report.value("members recorded")).isEqualTo("2");
    assertThat(report.value("members rejected")).isEqualTo("1");
    assertThat(report.rejections()).singleElement().satisfies(row -> assertThat(row)
        .startsWith("2|MEMBER|" + bad + "|ISA 000000901 GS 1 ST 0001 DMG02 (segment ")
        .contains("'19860230' is not a date"));
    assertThat(search(Patient.class, "Patient?identifier=" + MEDICAID + "|" + bad)).isEmpty();
    client(first);
    client(last);

    List<Map<String, Object>> rejections = admin().exchange(baseUrl() + "/admin/enrollment/files/"
        + report.value("file id") + "/rejections", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(rejections).singleElement().satisfies(rejection -> {
      assertThat(rejection).containsEntry("memberId", bad).containsEntry("scope", "MEMBER");
      assertThat((String) rejection.get("location")).contains("DMG02");
    });
  }

  @Test
  void anUnreadableFileGoesToTheErrorFolderWholeAndCanBeReplayed() throws Exception {
    String name = INBOX.drop("garbage-" + UUID.randomUUID() + ".834", "ISA*00*this is not an interchange\n");
    Report report = INBOX.awaitReport("error", name);
    assertThat(report.value("outcome")).isEqualTo("UNREADABLE");
    assertThat(report.value("reason")).contains("not readable as X12");

    String file = baseUrl() + "/admin/enrollment/files/" + report.value("file id");
    assertThat(admin().getForObject(file, Map.class)).containsEntry("status", "FAILED")
        .containsEntry("name", name);
    assertThat(admin().postForEntity(file + "/replay", null, Map.class).getStatusCode().value())
        .isEqualTo(202);
    assertThat(INBOX.awaitReport("error", name).value("outcome")).isEqualTo("UNREADABLE");
    assertThat(admin().getForObject(file, Map.class)).containsEntry("runs", 2);
  }

  /**
   * Each maintenance type of 005010X220A1 on a member added (021) with health coverage from 2025-01-01, in the
   * shapes of the guide's examples: files dropped in order, then the coverage as the record holds it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                            | after the addition, each file's INS03/HD01:348:349 | coverage
      termination by its benefit end alone (024, 349)    | 024/024::20250630                            | active 2025-01-01..2025-06-30
      termination of the member by eligibility end       | 024/-:20251031                               | active 2025-01-01..2025-10-31
      reinstatement reopens what a termination ended     | 024/024::20250630 ; 025/025::                | active 2025-01-01..
      audit without an end keeps the known end           | 024/024::20250630 ; 030/030:20250101:        | active 2025-01-01..2025-06-30
      audit stating another end takes it                 | 024/024::20250630 ; 030/030::20250731        | active 2025-01-01..2025-07-31
      change without an end keeps the known end          | 024/024::20250630 ; 001/001::                | active 2025-01-01..2025-06-30
      correction of the begin keeps the rest             | 001/026:20250201:                            | active 2025-02-01..
      addition after the end opens a new span            | 024/024::20250630 ; 021/021:20250901:        | active 2025-09-01..
      termination before the begin cancels               | 024/024::20241231                            | cancelled 2025-01-01..
      """)
  void eachMaintenanceTypeChangesTheCoverageAsTheGuideSays(String name, String files, String expected)
      throws Exception {
    String member = member();
    INBOX.awaitReport("processed", drop(Member834.added(member)));
    for (String file : files.split(";")) {
      String[] ins = file.trim().split("/");
      Member834 record = Member834.maintained(member, ins[0]);
      String[] hd = ins[1].split(":", -1);
      if (hd[0].equals("-")) {
        record.eligibilityEnd(hd[1]); // the member as a whole, without coverage loops
      } else {
        record.coverage(hd[0], "HLT", hd[1].isEmpty() ? null : hd[1], hd[2].isEmpty() ? null : hd[2]);
      }
      assertThat(INBOX.awaitReport("processed", drop(record)).value("outcome")).as(file).isEqualTo("LOADED");
    }
    Coverage coverage = coverage(member);
    assertThat(coverage.getStatus().toCode() + " " + coverage.getPeriod().getStartElement().getValueAsString() + ".."
        + (coverage.getPeriod().hasEnd() ? coverage.getPeriod().getEndElement().getValueAsString() : ""))
        .isEqualTo(expected);
  }

  @Test
  void aTerminationOfACoverageNotOnRecordWithoutItsBeginIsRefusedWithTheReason() throws Exception {
    String member = member();
    String file = drop(Member834.maintained(member, "024").coverage("024", "HLT", null, "20250630"));
    Report report = INBOX.awaitReport("error", file);
    assertThat(report.value("outcome")).isEqualTo("REJECTED");
    assertThat(report.value("members refused")).isEqualTo("1");
    assertThat(report.rejections()).singleElement().satisfies(row -> assertThat(row)
        .contains("|REFUSED|" + member + "|").contains("the coverage is not on record"));
    assertThat(search(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member)).isEmpty();
  }

  @Test
  void whatARecordLeavesOutKeepsWhatIsKnownAndOnlyACorrectionClearsIt() throws Exception {
    String member = member();
    INBOX.awaitReport("processed", drop(Member834.added(member)));
    Patient before = client(member);

    // No middle name, no county, no birth date or gender: nothing of what is known goes.
    Report report = INBOX.awaitReport("processed", drop(Member834.maintained(member, "001")
        .name("RIVERA", "DANA", null).address("12 ELM ST", "SPRINGFIELD", "IL", "62704", null).born(null, null)));
    assertThat(report.value("members unchanged")).isEqualTo("1");
    Patient kept = client(member);
    assertThat(kept.getMeta().getVersionId()).isEqualTo(before.getMeta().getVersionId());
    assertThat(kept.getNameFirstRep().getGiven()).extracting(given -> given.getValue())
        .containsExactly("DANA", "M");
    assertThat(kept.getAddress()).singleElement().satisfies(home -> assertThat(home.getDistrict())
        .isEqualTo("SANGAMON"));
    assertThat(kept.getBirthDateElement().getValueAsString()).isEqualTo("1986-04-12");

    // The sender corrects the name (2100B NM1*70 names the one sent wrongly): the middle name it leaves out goes.
    INBOX.awaitReport("processed", drop(Member834.maintained(member, "001").name("RIVERA", "DANA", null)
        .incorrectName("RIVERA", "DANA", "M")));
    assertThat(client(member).getNameFirstRep().getGiven()).extracting(given -> given.getValue())
        .containsExactly("DANA");
  }

  @Test
  void aGeneratedFileLoadsEveryMemberItHoldsAndRejectsTheMalformedOnes(@TempDir Path folder) throws Exception {
    EnrollmentFileGenerator.Manifest manifest = new EnrollmentFileGenerator(300, 11, 0.05, 100)
        .write(folder.resolve("generated.834"));
    String name = "generated-" + UUID.randomUUID() + ".834";
    Files.move(folder.resolve("generated.834"), ENROLLMENT_INBOX.resolve(name));

    Report report = INBOX.awaitReport("processed", name);
    assertThat(report.value("items read")).isEqualTo(String.valueOf(manifest.members()));
    assertThat(report.value("members recorded")).isEqualTo(String.valueOf(manifest.accepted()));
    assertThat(report.value("members rejected")).isEqualTo(String.valueOf(manifest.malformed()));
    assertThat(report.value("members refused")).isEqualTo("0");
    List<Map<String, Object>> files = admin().exchange(baseUrl() + "/admin/enrollment/files",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(files).filteredOn(file -> file.get("name").equals(name)).singleElement()
        .satisfies(file -> assertThat(file).containsEntry("status", "COMPLETED")
            .containsEntry("membersRecorded", manifest.accepted()));
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Patient client(String member) {
    return single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member);
  }

  /** The member's one coverage from the feed (the fixtures' payer, health line). */
  private Coverage coverage(String member) {
    return single(Coverage.class, "Coverage?identifier=" + ENROLLMENT + "|" + member + "|"
        + Enrollment834.PAYER_ID + "|HLT");
  }

  private static String drop(Member834... members) throws Exception {
    return INBOX.drop(name(), Enrollment834.file(members));
  }

  private static String name() {
    return "enrollment-" + UUID.randomUUID() + ".834";
  }

  private static String member() {
    return "MCD" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }
}
