package org.casemgmt.adapter.reporting.mhcld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A record as the state's layout has it: codes by crosswalk, fields checked, padded; what is wrong reported. */
class RecordLayoutTest {
  private static final List<MhcldProperties.Field> FIELDS = List.of(
      field("transaction-type", 1, true, null, null, "[ACD]"),
      field("client-id", 5, true, null, null, "[A-Z0-9]{1,5}"),
      field("birth-date", 8, true, null, "MMDDYYYY", null),
      field("sex", 2, false, "sex", null, null),
      field("days", 3, false, null, null, "[0-9]{1,3}"));
  private static final MhcldProperties PROPERTIES = new MhcldProperties("IL", 7, "file:x", "", Map.of(), "{file}",
      "98", Map.of("bci", new MhcldProperties.Layout(List.of(), FIELDS, List.of("client-id")),
          "shr", new MhcldProperties.Layout(List.of(), FIELDS, List.of("client-id"))),
      Map.of("sex", Map.of("male", "1", "female", "2")));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      every field valid                   | K7    | 1986-05-17 | female       | 14   | ' K7   051719862 14 ' |
      sex not in the crosswalk            | K7    | 1986-05-17 | other        | 14   | ' K7   051719869814 ' | K7,sex,sent-as-not-collected,code other is not in crosswalk sex
      the first crosswalked code is taken | K7    | 1986-05-17 | other male   | 14   | ' K7   051719861 14 ' |
      too many days for the field         | K7    | 1986-05-17 | male         | 1200 | ' K7   051719861 98 ' | 'K7,days,sent-as-not-collected,"value does not fit the field (3 characters, [0-9]{1,3})"'
      optional field absent               | K7    | 1986-05-17 |              |      | ' K7   051719869898 ' |
      required date absent: left out      | K7    |            | male         | 14   |                        | 'K7,birth-date,excluded,"required, not recorded or not valid"'
      required date invalid: left out     | K7    | 1986-13-01 | male         | 14   |                        | K7,birth-date,sent-as-not-collected,not a date
      client id too long: left out        | K7X8Y9| 1986-05-17 | male         | 14   |                        | 'K7X8Y9,client-id,sent-as-not-collected,"value does not fit the field (5 characters, [A-Z0-9]{1,5})"'
      """)
  void aRecordIsItsFieldsInOrderOrLeftOut(String description, String client, String born, String sex, String days,
      String expected, String reported) {
    SubmissionReport report = new SubmissionReport();
    Map<String, List<String>> facts = Map.of("client-id", List.of(client), "birth-date", list(born),
        "sex", list(sex), "days", list(days));

    RecordLayout.Line line = new RecordLayout(FIELDS, List.of("client-id"), PROPERTIES).render(client, facts, report);

    assertThat(line == null ? null : line.text()).as(description).isEqualTo(expected);
    if (reported != null) {
      assertThat(report.text()).as(description).contains(reported);
    }
    assertThat(report.excludedCount()).isEqualTo(expected == null ? 1 : 0);
  }

  @Test
  void theTransactionTypeIsPutInPlaceAndTheKeyNamesTheRecord() {
    RecordLayout layout = new RecordLayout(FIELDS, List.of("client-id"), PROPERTIES);
    RecordLayout.Line line = layout.render("K7", Map.of("client-id", List.of("K7"), "birth-date",
        List.of("1986-05-17")), new SubmissionReport());

    assertThat(line.key()).isEqualTo("K7");
    assertThat(layout.withTransaction(line.text(), "C")).isEqualTo("CK7   051719869898 ");
  }

  private static List<String> list(String value) {
    return value == null ? List.of() : List.of(value.split(" "));
  }

  private static MhcldProperties.Field field(String name, int width, boolean required, String crosswalk,
      String format, String pattern) {
    return new MhcldProperties.Field(name, null, width, required, crosswalk, format, pattern, null);
  }
}
