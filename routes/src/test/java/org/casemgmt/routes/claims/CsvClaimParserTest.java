package org.casemgmt.routes.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casemgmt.routes.files.UnreadableFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The claim-line CSV extract of the README: rows grouped into claims, bad claims refused by line and column. */
class CsvClaimParserTest {
  static final String HEADER = "member_id,claim_id,original_claim_id,frequency_code,claim_type,type_of_bill,"
      + "place_of_service,revenue_code,procedure_code,modifiers,diagnosis_codes,from_date,through_date,admit_date,"
      + "discharge_date,billing_npi,rendering_npi,status";

  /** Line 2: a stay; lines 3-4: a crisis claim of two lines; line 5: a replacement of the stay. */
  static final List<String> ROWS = List.of(
      // member    claim   orig  fq type            tob  pos rev   proc  mods   dx                 from       through   admit      discharge  billing    rendering  status
      "MCD000111,IP-1001,,1,institutional,0111,,0124,,,\"1:F20.9;2:Z59.0\",2024-03-02,2024-03-10,2024-03-02,"
          + "2024-03-10,1234567893,1245319599,paid",
      "MCD000222,CR-3001,,1,professional,,15,,H2011,HK;U1,1:F31.9,2024-03-20,,,,1588667638,,denied",
      "MCD000222,CR-3001,,,,,12,,H2011,,,2024-03-21,,,,,,",
      "MCD000111,IP-1001R,IP-1001,7,I,111,,0124,,,1:F209,20240302,20240311,2024-03-02,2024-03-11,1234567893,,");

  @TempDir
  Path folder;

  private List<ParsedClaim> parse(String text) throws Exception {
    Path file = Files.writeString(folder.resolve("claims.csv"), text, StandardCharsets.UTF_8);
    return X12Fixtures.readAll(new CsvClaimParser().open(file));
  }

  private static String csv(List<String> rows) {
    return HEADER + "\n" + String.join("\n", rows) + "\n";
  }

  @Test
  void consecutiveRowsOfAClaimAreOneClaim() throws Exception {
    List<ParsedClaim> items = parse(csv(ROWS));

    assertThat(items).extracting(item -> item.claim().claimId()).containsExactly("IP-1001", "CR-3001", "IP-1001R");
    assertThat(items).extracting(item -> item.origin().firstLine() + "-" + item.origin().lastLine())
        .containsExactly("2-2", "3-4", "5-5");
    assertThat(items.get(0).origin().format()).isEqualTo(ClaimFormat.CSV);

    Claim stay = items.get(0).claim();
    assertThat(stay.type()).isEqualTo(ClaimType.INSTITUTIONAL);
    assertThat(stay.member()).isEqualTo(Member.ofId("MCD000111"));
    assertThat(stay.typeOfBill()).isEqualTo("0111");
    assertThat(stay.status()).isEqualTo(ClaimStatus.PAID);
    assertThat(stay.admissionDate()).isEqualTo("2024-03-02");
    assertThat(stay.dischargeDate()).isEqualTo("2024-03-10");
    assertThat(stay.diagnoses()).containsExactly(
        new Diagnosis(1, "F20.9", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.PRINCIPAL, null),
        new Diagnosis(2, "Z59.0", Diagnosis.CodeSystem.ICD_10_CM, Diagnosis.Role.OTHER, null));
    assertThat(stay.lines()).singleElement().satisfies(line -> {
      assertThat(line.revenueCode()).isEqualTo("0124");
      assertThat(line.serviceThrough()).isEqualTo("2024-03-10");
    });
    assertThat(stay.billingNpi()).isEqualTo("1234567893");
    assertThat(stay.renderingNpi()).isEqualTo("1245319599");

    Claim crisis = items.get(1).claim();
    assertThat(crisis.status()).isEqualTo(ClaimStatus.DENIED);
    assertThat(crisis.placeOfService()).isEqualTo("15");
    assertThat(crisis.from()).isEqualTo("2024-03-20");
    assertThat(crisis.through()).isEqualTo("2024-03-21");
    assertThat(crisis.lines()).extracting(ClaimLine::lineNumber, ClaimLine::procedureCode, ClaimLine::modifiers,
            ClaimLine::placeOfService, ClaimLine::serviceThrough)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "H2011", List.of("HK", "U1"), "15", LocalDate.of(2024, 3, 20)),
            org.assertj.core.groups.Tuple.tuple(2, "H2011", List.of(), "12", LocalDate.of(2024, 3, 21)));

    Claim replacement = items.get(2).claim();
    assertThat(replacement.isReplacement()).isTrue();
    assertThat(replacement.originalClaimId()).isEqualTo("IP-1001");
    assertThat(replacement.typeOfBill()).as("leading zero added").isEqualTo("0111");
    assertThat(replacement.principalDiagnosis()).map(Diagnosis::code).as("dot added").contains("F20.9");
    assertThat(replacement.from()).as("YYYYMMDD accepted").isEqualTo("2024-03-02");
    assertThat(replacement.status()).isEqualTo(ClaimStatus.UNKNOWN);
  }

  @Test
  void columnsAreFoundByNameInAnyOrderWithBomCrlfQuotedCommasAndExtraColumns() throws Exception {
    List<String> names = Arrays.asList(HEADER.split(","));
    List<Integer> order = java.util.stream.IntStream.range(0, names.size()).boxed()
        .sorted(java.util.Comparator.reverseOrder()).toList();
    StringBuilder text = new StringBuilder("\uFEFF").append("provider_name,")
        .append(order.stream().map(names::get).collect(Collectors.joining(","))).append("\r\n");
    for (String row : ROWS) {
      List<String> fields = splitCsv(row);
      text.append("\"RIVERSIDE, \"\"PSYCH\"\" HOSPITAL\",")
          .append(order.stream().map(fields::get).map(CsvClaimParserTest::quote).collect(Collectors.joining(",")))
          .append("\r\n");
    }

    List<ParsedClaim> shuffled = parse(text.toString());

    assertThat(shuffled).extracting(ParsedClaim::claim)
        .containsExactlyElementsOf(parse(csv(ROWS)).stream().map(ParsedClaim::claim).toList());
  }

  @Test
  void aCommaInsideQuotesStaysInItsField() throws Exception {
    List<ParsedClaim> items = parse(csv(List.of(ROWS.get(0).replace("IP-1001", "\"IP,1001\""))));

    assertThat(items).singleElement().satisfies(item -> assertThat(item.claim().claimId()).isEqualTo("IP,1001"));
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        bad("a from_date of 2023-13-45", 1, r -> r.replace("2024-03-20,", "2023-13-45,"), "CR-3001", 3, "from_date",
            "from_date '2023-13-45' is not a date"),
        bad("a bad date on the claim's second row", 2, r -> r.replace("2024-03-21", "2024-02-30"), "CR-3001", 4,
            "from_date", "is not a date"),
        bad("a member id that changes within the claim", 2, r -> r.replace("MCD000222,CR", "MCD000999,CR"),
            "CR-3001", 4, "member_id", "member_id 'MCD000999' differs from 'MCD000222' on line 3"),
        bad("a revenue code of three digits", 0, r -> r.replace(",0124,", ",124,"), "IP-1001", 2, "revenue_code",
            "revenue_code '124' is not a revenue code"),
        bad("a replacement without original_claim_id", 3, r -> r.replace(",IP-1001,7,", ",,7,"), "IP-1001R", 5,
            "original_claim_id", "original_claim_id is missing"),
        bad("a status that is neither paid nor denied", 1, r -> r.replace(",denied", ",pending"), "CR-3001", 3,
            "status", "neither paid nor denied"),
        bad("a claim type of pharmacy", 0, r -> r.replace("institutional", "pharmacy"), "IP-1001", 2, "claim_type",
            "is neither institutional nor professional"),
        bad("no principal diagnosis", 0, r -> r.replace("1:F20.9;2:Z59.0", "2:F20.9"), "IP-1001", 2,
            "diagnosis_codes", "no principal diagnosis"),
        bad("a diagnosis sequence twice", 0, r -> r.replace("1:F20.9;2:Z59.0", "1:F20.9;1:Z59.0"), "IP-1001", 2,
            "diagnosis_codes", "sequence 1 twice"),
        bad("a bad billing NPI", 0, r -> r.replace("1234567893", "123"), "IP-1001", 2, "billing_npi",
            "is not an NPI"),
        bad("a professional line without procedure", 1, r -> r.replace(",H2011,HK;U1,", ",,HK;U1,"), "CR-3001", 3,
            "procedure_code", "procedure_code is missing"),
        bad("five modifiers", 1, r -> r.replace("HK;U1", "HK;U1;U2;U3;U4"), "CR-3001", 3, "modifiers",
            "has 5 modifiers"),
        bad("a row with a field too few", 1, r -> r.substring(0, r.lastIndexOf(',')), "CR-3001", 3, null,
            "the row has 17 fields, the header 18"),
        bad("no claim id", 0, r -> r.replace("IP-1001,", ","), null, 2, "claim_id", "claim_id is missing"));
  }

  private static Arguments bad(String what, int row, java.util.function.UnaryOperator<String> change,
                               String claimId, int line, String column, String reason) {
    return Arguments.of(what, row, change, claimId, line, column, reason);
  }

  @ParameterizedTest(name = "{0}: line {4} column {5}")
  @MethodSource("badRows")
  void aBadValueRefusesItsClaimAndTheOthersAreRead(String what, int row,
      java.util.function.UnaryOperator<String> change, String claimId, int line, String column, String reason)
      throws Exception {
    List<String> rows = new java.util.ArrayList<>(ROWS);
    rows.set(row, change.apply(rows.get(row)));

    List<ParsedClaim> items = parse(csv(rows));

    assertThat(items).hasSize(3);
    List<ParsedClaim> rejected = items.stream().filter(item -> !item.isAccepted()).toList();
    assertThat(rejected).singleElement().satisfies(item -> {
      ClaimRejection rejection = item.rejection();
      assertThat(rejection.claimId()).isEqualTo(claimId);
      assertThat(rejection.line()).isEqualTo(line);
      assertThat(rejection.element()).isEqualTo(column);
      assertThat(rejection.segmentId()).isNull();
      assertThat(rejection.location()).isEqualTo("line " + line + (column == null ? "" : " column " + column));
      assertThat(rejection.reason()).contains(reason);
    });
    assertThat(items.stream().filter(ParsedClaim::isAccepted)).hasSize(2);
  }

  static Stream<Arguments> unreadableFiles() {
    return Stream.of(
        Arguments.of("a header without from_date", HEADER.replace("from_date,", "service_date,") + "\n",
            "the header has no column 'from_date'"),
        Arguments.of("an empty file", "", "no header line"),
        Arguments.of("a duplicate column name", HEADER + ",status\n", "the header cannot be read"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFiles")
  void aFileWithoutTheRequiredHeaderIsRefusedWhole(String what, String text, String reason) throws Exception {
    Path file = Files.writeString(folder.resolve("bad.csv"), text, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new CsvClaimParser().open(file))
        .isInstanceOfSatisfying(UnreadableFile.class, e -> {
          assertThat(e.reason()).contains(reason);
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.fileName()).isEqualTo("bad.csv");
        });
  }

  @Test
  void aQuoteThatNeverClosesStopsTheFileAfterTheClaimsBeforeIt() throws Exception {
    String text = csv(List.of(ROWS.get(0), ROWS.get(1).replace("1:F31.9", "\"1:F31.9")));
    Path file = Files.writeString(folder.resolve("cut.csv"), text, StandardCharsets.UTF_8);

    try (ClaimReader reader = new CsvClaimParser().open(file)) {
      assertThatThrownBy(reader::next).isInstanceOfSatisfying(UnreadableFile.class,
          e -> assertThat(e.reason()).startsWith("the CSV syntax breaks"));
    }
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() throws Exception {
    byte[] latin1 = csv(List.of(ROWS.get(0).replace("MCD000111", "MCD\u00e9"))).getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> X12Fixtures.readAll(new CsvClaimParser().open(new ByteArrayInputStream(latin1),
        "latin1.csv"))).isInstanceOfSatisfying(UnreadableFile.class,
            e -> assertThat(e.reason()).isEqualTo("not UTF-8 text"));
  }

  // --- helpers: a minimal CSV splitter for the fixtures above (commons-csv is what is under test) ----------------

  private static List<String> splitCsv(String row) {
    List<String> fields = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : row.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static String quote(String field) {
    return field.contains(";") || field.contains(",") ? "\"" + field + "\"" : field;
  }
}
