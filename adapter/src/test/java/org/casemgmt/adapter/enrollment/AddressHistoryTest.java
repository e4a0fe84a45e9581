package org.casemgmt.adapter.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Address.AddressUse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How an enrollment record's residence moves a client's addresses. Each case: the addresses before (written
 * {@code use place start..end}), the residence moving in on 2025-06-01, and the addresses after.
 */
class AddressHistoryTest {
  private static final LocalDate EFFECTIVE = LocalDate.of(2025, 6, 1);

  static Stream<Arguments> moves() {
    return Stream.of(
        Arguments.of("a first residence is current from the record's date",
            List.of(), "ELM", List.of("home ELM 2025-06-01..")),
        Arguments.of("the same residence again changes nothing",
            List.of("home ELM 2025-01-01.."), "ELM", List.of("home ELM 2025-01-01..")),
        Arguments.of("a move ends the current residence the day before and keeps it",
            List.of("home ELM 2025-01-01.."), "OAK", List.of("old ELM 2025-01-01..2025-05-31",
                "home OAK 2025-06-01..")),
        Arguments.of("an address without a period (another feed's) ends the day before",
            List.of("home ELM .."), "OAK", List.of("old ELM ..2025-05-31", "home OAK 2025-06-01..")),
        Arguments.of("a residence that began on the record's date ends that day, not before it began",
            List.of("home ELM 2025-06-01.."), "OAK", List.of("old ELM 2025-06-01..2025-06-01",
                "home OAK 2025-06-01..")),
        Arguments.of("an older record adds its residence to the history and leaves the current one",
            List.of("home OAK 2025-09-01.."), "ELM", List.of("home OAK 2025-09-01..",
                "old ELM 2025-06-01..2025-08-31")),
        Arguments.of("an older record already in the history changes nothing",
            List.of("old ELM 2025-01-01..2025-08-31", "home OAK 2025-09-01.."), "ELM",
            List.of("old ELM 2025-01-01..2025-08-31", "home OAK 2025-09-01..")),
        Arguments.of("a work address is not a residence and stays as it is",
            List.of("work ELM 2020-01-01.."), "OAK", List.of("work ELM 2020-01-01..", "home OAK 2025-06-01..")),
        Arguments.of("every current residence ends on a move",
            List.of("home ELM 2024-01-01..", "home PINE 2025-02-01.."), "OAK",
            List.of("old ELM 2024-01-01..2025-05-31", "old PINE 2025-02-01..2025-05-31",
                "home OAK 2025-06-01..")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void theResidenceMovesTheAddresses(String rule, List<String> before, String street, List<String> after) {
    List<Address> addresses = new ArrayList<>(before.stream().map(AddressHistoryTest::address).toList());
    List<Address> moved = AddressHistory.moved(addresses, place(street), EFFECTIVE);
    assertThat(moved.stream().map(AddressHistoryTest::describe)).as(rule).containsExactlyElementsOf(after);
    assertThat(addresses.stream().map(AddressHistoryTest::describe)).as("the given list is left as it was")
        .containsExactlyElementsOf(before);
  }

  /** {@code home ELM 2025-01-01..2025-05-31}: use, street, period (either side may be empty). */
  private static Address address(String text) {
    String[] parts = text.split(" ");
    Address address = place(parts[1]).setUse(AddressUse.fromCode(parts[0]));
    String[] period = parts[2].split("\\.\\.", -1);
    if (!period[0].isEmpty()) {
      address.getPeriod().setStartElement(new DateTimeType(period[0]));
    }
    if (period.length > 1 && !period[1].isEmpty()) {
      address.getPeriod().setEndElement(new DateTimeType(period[1]));
    }
    return address;
  }

  private static Address place(String street) {
    return new Address().setUse(AddressUse.HOME).addLine("1 " + street + " ST").setCity("SPRINGFIELD")
        .setDistrict("Sangamon").setState("IL").setPostalCode("62704");
  }

  private static String describe(Address address) {
    return address.getUse().toCode() + " " + address.getLine().get(0).getValue().split(" ")[1] + " "
        + (address.getPeriod().hasStart() ? address.getPeriod().getStartElement().getValueAsString() : "") + ".."
        + (address.getPeriod().hasEnd() ? address.getPeriod().getEndElement().getValueAsString() : "");
  }
}
