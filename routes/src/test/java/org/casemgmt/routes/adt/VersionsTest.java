package org.casemgmt.routes.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages are read against the version they declare: a datatype their version has is taken wherever a message
 * names one (OBX-2), even where v2.8 withdrew it; a datatype no version has is refused at the field that names it.
 */
class VersionsTest {
  /** OBX-2 value types and an OBX-5 in each, as senders of that version send them. */
  private static final List<String[]> OBSERVATIONS = List.of(
      new String[] {"CE", "F20.0^Paranoid schizophrenia^I10"},
      new String[] {"CWE", "F20.0^Paranoid schizophrenia^I10"},
      new String[] {"TS", "20250302211400"},
      new String[] {"DT", "20250302"},
      new String[] {"NM", "72"},
      new String[] {"ST", "admitted from the emergency department"},
      new String[] {"TX", "free text"},
      new String[] {"SN", ">^100"},
      new String[] {"TN", "(217)555-0142"},
      new String[] {"PN", "Rivera^Dana"},
      new String[] {"CK", "123^4^M10"},
      new String[] {"AD", "12 Elm St^^Springfield^IL"},
      new String[] {"XPN", "Rivera^Dana"});

  /** Datatypes HL7 withdrew in v2.7: valid only before it. */
  private static final List<String> WITHDRAWN_IN_27 = List.of("CE", "TS", "TN", "PN", "CK", "AD");

  static Stream<Arguments> observationsOfEachVersion() {
    return HeaderReader.VERSIONS.stream().flatMap(version -> OBSERVATIONS.stream()
        .filter(observation -> version.compareTo("2.7") < 0 || !WITHDRAWN_IN_27.contains(observation[0]))
        .map(observation -> Arguments.of(version, observation[0], observation[1])));
  }

  @ParameterizedTest(name = "v{0} OBX-2 {1}")
  @MethodSource("observationsOfEachVersion")
  void anAdmissionWithAnObservationOfItsVersionIsRead(String version, String type, String value) throws Exception {
    AdtMessage message = AdtFixtures.parser().parse(TestMessage.a01().set("MSH", 12, version)
        .add("OBX|1|" + type + "|8661-1^Chief complaint^LN||" + value + "||||||F").text());

    assertThat(message.event()).isEqualTo("A01");
    assertThat(message.header().version()).isEqualTo(version);
    assertThat(message.encounter()).isNotNull();
    assertThat(message.diagnoses()).hasSize(1);
  }

  @Test
  void aDatatypeNoVersionHasIsRefusedAtOBX2() {
    AdtRejection rejection = AdtFixtures.rejection(TestMessage.a01().set("MSH", 12, "2.5.1")
        .add("OBX|1|XYZ|8661-1^Chief complaint^LN||text||||||F").text());
    assertThat(rejection.errorCode()).isEqualTo(102);
    assertThat(rejection.location()).isEqualTo("OBX-2");
  }
}
