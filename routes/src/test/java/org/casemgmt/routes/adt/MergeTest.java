package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

/** A40: the surviving patient and the identifiers of the record merged into it. */
class MergeTest {

  @Test
  void sampleA40GivesSurvivorAndMergedIdentifiers() throws Exception {
    AdtMessage message = AdtFixtures.parseSample("ADT-A40-01.hl7");
    assertThat(message.event()).isEqualTo("A40");
    assertThat(message.patient().getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
        .containsExactly(tuple("urn:casemgmt:v2:ntierprise-clinic:bcbs", "12345"));
    assertThat(message.merges()).singleElement().satisfies(merge -> assertThat(merge.mergedIdentifiers())
        .extracting(Identifier::getSystem, Identifier::getValue)
        .containsExactly(tuple("urn:casemgmt:v2:ntierprise-clinic:bcbs", "56789")));
    assertThat(message.encounter()).isNull();
    assertThat(message.diagnoses()).isEmpty();
  }

  @Test
  void anA40WithTwoPidMrgGroupsIsTwoMerges() throws Exception {
    AdtMessage message = AdtFixtures.parseSample("ADT-A40-02.hl7");
    assertThat(message.merges()).extracting(merge -> merge.survivor().getIdentifierFirstRep().getValue()
            + "<-" + merge.mergedIdentifiers().get(0).getValue())
        .containsExactly("12345<-56789", "145<-569");
  }

  @Test
  void anA40WithAPidWithoutItsMrgIsRefused() {
    AdtRejection rejection = AdtFixtures.rejection(merge()
        .add("PID|1||MRN-778813^^^NORTHSIDE^MR||Rivera^Dana||19860517|F").text());
    assertThat(rejection.ackCode()).isEqualTo("AE");
    assertThat(rejection.errorCode()).isEqualTo(100);
    assertThat(rejection.location()).isEqualTo("MRG");
  }

  @Test
  void twoMergesIntoOneSurvivorAreTakenTogether() throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(merge()
        .add("PID|1||MRN-778812^^^NORTHSIDE^MR||Rivera^Dana||19860517|F")
        .add("MRG|MRN-000002^^^NORTHSIDE^MR").text());
    assertThat(message.merges()).singleElement().satisfies(merge -> assertThat(merge.mergedIdentifiers())
        .extracting(Identifier::getValue).containsExactly("MRN-000001", "MRN-000002"));
  }

  @Test
  void mergeWithoutMrgIsRefused() {
    AdtRejection rejection = AdtFixtures.rejection(merge().without("MRG").text());
    assertThat(rejection.ackCode()).isEqualTo("AE");
    assertThat(rejection.errorCode()).isEqualTo(100);
    assertThat(rejection.location()).isEqualTo("MRG");
  }

  @Test
  void mergeWithEmptyMrg1IsRefused() {
    AdtRejection rejection = AdtFixtures.rejection(merge().set("MRG", 1, "").set("MRG", 7, "Old^Name").text());
    assertThat(rejection.errorCode()).isEqualTo(101);
    assertThat(rejection.location()).isEqualTo("MRG-1");
  }

  private static TestMessage merge() {
    return new TestMessage()
        .add("MSH|^~\\&|EPIC|NORTHSIDE|CASEMGMT|CASEMGMT|20250302211500-0600||ADT^A40^ADT_A39|NS-40|P|2.5.1")
        .add("EVN|A40|20250302211400-0600")
        .add("PID|1||MRN-778812^^^NORTHSIDE^MR||Rivera^Dana||19860517|F")
        .add("MRG|MRN-000001^^^NORTHSIDE^MR");
  }
}
