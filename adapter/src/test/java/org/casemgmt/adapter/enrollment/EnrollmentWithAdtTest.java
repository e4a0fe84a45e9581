package org.casemgmt.adapter.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casemgmt.adapter.testing.GuideExamples.uniqueValue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.casemgmt.adapter.eligibility.EligibilityServerTest;
import org.casemgmt.adapter.testing.FeedInbox;
import org.casemgmt.routes.enrollment.generator.Enrollment834;
import org.casemgmt.routes.enrollment.generator.Member834;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The enrollment and ADT feeds meet on one client per person, even when both first hear of them at the same time. */
class EnrollmentWithAdtTest extends EligibilityServerTest {

  @Test
  void anEnrollmentFileAndAdmissionsOfTheSameNewPeopleAtOnceMakeOneClientEach() throws Exception {
    List<String> members = IntStream.range(0, 30).mapToObj(i -> uniqueValue()).toList();
    FeedInbox inbox = new FeedInbox(ENROLLMENT_INBOX);
    String file = inbox.drop("enrollment-" + UUID.randomUUID() + ".834",
        Enrollment834.file(members.stream().map(Member834::added).toArray(Member834[]::new)));
    // The hospital admits the same people while the file loads.
    CompletableFuture<Void> admissions = CompletableFuture.runAsync(() -> members.forEach(member ->
        admit("M" + member, member, "20260301")));

    assertThat(inbox.awaitReport("processed", file).value("members recorded")).isEqualTo("30");
    admissions.get();

    for (String member : members) {
      Patient client = single(Patient.class, "Patient?identifier=" + MEDICAID + "|" + member);
      assertThat(client.getIdentifier()).extracting(identifier -> identifier.getValue())
          .contains(member, "M" + member);
      assertThat(single(Coverage.class, "Coverage?identifier=" + MEDICAID + "|" + member).getBeneficiary()
          .getReference()).isEqualTo("Patient/" + client.getIdPart());
    }
  }
}
