package org.casemgmt.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guide's assessment questionnaires: each conforms to assessment-questionnaire, its codes are defined, and its
 * calculated scores agree with the ordinal values of its answers; the example responses and scores agree with them.
 */
class QuestionnairesTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Path PACKAGE = Path.of("src/main/fhir/package");
  private static final Path EXAMPLES = PACKAGE.resolve("example");
  private static final String PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/assessment-questionnaire";
  private static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
  private static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";
  private static final String CALCULATED_EXPRESSION =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
  private static final String LOINC = "http://loinc.org";

  private static ImplementationGuide guide;

  @BeforeAll
  static void loadGuide() {
    guide = new ImplementationGuide(FHIR);
  }

  /** A questionnaire of the package: where its codes come from, and the items its consumers rely on. */
  record Form(String id, String itemCodeSystem, boolean linkIdIsItemCode, Map<String, QuestionnaireItemType> contract) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Form> forms() {
    return Stream.of(
        new Form("phq-9", LOINC, true, merge(
            typed(QuestionnaireItemType.CHOICE, "44250-9", "44260-8", "69722-7"),
            typed(QuestionnaireItemType.INTEGER, "44261-6"))),
        new Form("eligibility-screening", local("eligibility-screening"), true, merge(
            typed(QuestionnaireItemType.CHOICE, "diagnosis-reported", "housing-situation", "employment", "insurance"),
            typed(QuestionnaireItemType.STRING, "diagnosis-text", "diagnosis-icd10cm", "county", "state", "medicaid-id"),
            typed(QuestionnaireItemType.INTEGER, "psych-hospitalizations-12m", "psych-hospitalizations-24m",
                "crisis-services-12m", "crisis-services-24m"))),
        new Form("functional-assessment", local("functional-assessment"), true, merge(
            typed(QuestionnaireItemType.CHOICE, "housing-stability", "income-employment", "self-care", "social-supports",
                "medication-management", "community-living", "physical-health", "safety"),
            typed(QuestionnaireItemType.INTEGER, "total-score", "domains-needing-support"),
            typed(QuestionnaireItemType.DECIMAL, "mean-score"))),
        new Form("biopsychosocial-intake", local("biopsychosocial-intake"), true,
            typed(QuestionnaireItemType.GROUP, "presenting-problems", "mental-health-history", "physical-health",
                "substance-use", "trauma", "housing", "finances", "language-literacy", "legal", "supports", "strengths")));
  }

  private static Map<String, QuestionnaireItemType> typed(QuestionnaireItemType type, String... linkIds) {
    Map<String, QuestionnaireItemType> typed = new LinkedHashMap<>();
    for (String linkId : linkIds) {
      typed.put(linkId, type);
    }
    return typed;
  }

  @SafeVarargs
  private static Map<String, QuestionnaireItemType> merge(Map<String, QuestionnaireItemType>... parts) {
    Map<String, QuestionnaireItemType> merged = new LinkedHashMap<>();
    for (Map<String, QuestionnaireItemType> part : parts) {
      merged.putAll(part);
    }
    return merged;
  }

  @Test
  void theGuideHandsOutItsFormsByCanonicalUrl() {
    Map<String, Questionnaire> forms = guide.questionnaires();
    assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(forms().map(form ->
        ImplementationGuide.CANONICAL + "/Questionnaire/" + form.id()).toList());
    forms.values().iterator().next().getItem().clear();
    assertThat(guide.questionnaires().values()).as("copies").allSatisfy(form -> assertThat(form.getItem()).isNotEmpty());
  }

  @ParameterizedTest(name = "{0} conforms to assessment-questionnaire")
  @MethodSource("forms")
  void conformsToTheProfile(Form form) {
    Questionnaire questionnaire = questionnaire(form.id());
    assertThat(questionnaire.getUrl()).isEqualTo(ImplementationGuide.CANONICAL + "/Questionnaire/" + form.id());
    assertThat(questionnaire.getMeta().hasProfile(PROFILE)).as("declares " + PROFILE).isTrue();
    assertThat(guide.errors(questionnaire)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: linkIds are unique")
  @MethodSource("forms")
  void linkIdsAreUnique(Form form) {
    List<String> linkIds = items(questionnaire(form.id())).stream().map(QuestionnaireItemComponent::getLinkId).toList();
    assertThat(linkIds).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}: the items its consumers read are there, with their types")
  @MethodSource("forms")
  void keepsItsContract(Form form) {
    Map<String, QuestionnaireItemType> types = new LinkedHashMap<>();
    items(questionnaire(form.id())).forEach(item -> types.put(item.getLinkId(), item.getType()));
    assertThat(types).containsAllEntriesOf(form.contract());
  }

  @ParameterizedTest(name = "{0}: every item is coded, and every local code is defined in its CodeSystem")
  @MethodSource("forms")
  void everyCodeIsDefined(Form form) {
    Questionnaire questionnaire = questionnaire(form.id());
    for (QuestionnaireItemComponent item : items(questionnaire)) {
      if (item.getType() == QuestionnaireItemType.DISPLAY) {
        continue;
      }
      assertThat(item.getCode()).as(item.getLinkId() + " has a code").isNotEmpty();
      assertThat(item.getCode()).as(item.getLinkId() + " is coded in " + form.itemCodeSystem())
          .anyMatch(code -> code.getSystem().equals(form.itemCodeSystem()));
      if (form.linkIdIsItemCode()) {
        assertThat(item.getCode()).extracting(Coding::getCode).as("linkId = code").contains(item.getLinkId());
      }
    }
    List<Coding> codings = new ArrayList<>(questionnaire.getCode());
    for (QuestionnaireItemComponent item : items(questionnaire)) {
      codings.addAll(item.getCode());
      item.getAnswerOption().stream().filter(QuestionnaireItemAnswerOptionComponent::hasValueCoding)
          .forEach(option -> codings.add(option.getValueCoding()));
      item.getEnableWhen().stream().filter(when -> when.hasAnswerCoding())
          .forEach(when -> codings.add(when.getAnswerCoding()));
    }
    for (Coding coding : codings) {
      if (!coding.getSystem().startsWith(ImplementationGuide.CANONICAL)) {
        continue;
      }
      Optional<CodeSystem> codeSystem = codeSystem(coding.getSystem());
      assertThat(codeSystem).as(coding.getSystem() + " is a CodeSystem of the package").isPresent();
      assertThat(codeSystem.get().getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
      Optional<CodeSystem.ConceptDefinitionComponent> concept = codeSystem.get().getConcept().stream()
          .filter(c -> c.getCode().equals(coding.getCode())).findFirst();
      assertThat(concept).as(coding.getSystem() + "#" + coding.getCode() + " is defined").isPresent();
      if (coding.hasDisplay()) {
        assertThat(coding.getDisplay()).as("display of " + coding.getCode()).isEqualTo(concept.get().getDisplay());
      }
    }
  }

  /** A scored questionnaire: its scored items, the ordinal values each offers, and its calculated total. */
  record Scoring(Path file, List<String> scoredItems, List<Integer> ordinals, String totalItem, int maxTotal) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  static Stream<Scoring> scorings() {
    return Stream.of(
        new Scoring(PACKAGE.resolve("Questionnaire-phq-9.json"),
            List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"),
            List.of(0, 1, 2, 3), "44261-6", 27),
        new Scoring(PACKAGE.resolve("Questionnaire-functional-assessment.json"),
            List.of("housing-stability", "income-employment", "self-care", "social-supports", "medication-management",
                "community-living", "physical-health", "safety"),
            List.of(1, 2, 3, 4, 5), "total-score", 40),
        new Scoring(EXAMPLES.resolve("Questionnaire-assessment-questionnaire-example.json"),
            List.of("44250-9", "44255-8"), List.of(0, 1, 2, 3), "55758-7", 6));
  }

  @ParameterizedTest(name = "{0}: the scored items and their ordinal values")
  @MethodSource("scorings")
  void scoredItemsOfferTheirOrdinalValues(Scoring scoring) {
    Questionnaire questionnaire = read(scoring.file(), Questionnaire.class);
    List<QuestionnaireItemComponent> scored = scoredItems(questionnaire);
    assertThat(scored).extracting(QuestionnaireItemComponent::getLinkId)
        .containsExactlyElementsOf(scoring.scoredItems());
    for (QuestionnaireItemComponent item : scored) {
      assertThat(ordinals(item)).as(item.getLinkId()).containsExactlyElementsOf(scoring.ordinals());
    }
    int maxTotal = scored.stream().mapToInt(item -> ordinals(item).stream().mapToInt(Integer::intValue).max().orElseThrow())
        .sum();
    assertThat(maxTotal).isEqualTo(scoring.maxTotal());
  }

  @ParameterizedTest(name = "{0}: the calculated total is the sum of the ordinal values answered")
  @MethodSource("scorings")
  void theCalculatedTotalSumsTheOrdinalValues(Scoring scoring) {
    Questionnaire questionnaire = read(scoring.file(), Questionnaire.class);
    List<QuestionnaireItemComponent> scored = scoredItems(questionnaire);
    int options = scoring.ordinals().size();
    List<int[]> patterns = List.of(
        IntStream.range(0, scored.size()).map(i -> 0).toArray(),
        IntStream.range(0, scored.size()).map(i -> options - 1).toArray(),
        IntStream.range(0, scored.size()).map(i -> (i * 7 + 3) % options).toArray());
    for (int[] pattern : patterns) {
      QuestionnaireResponse response = new QuestionnaireResponse();
      int expected = 0;
      for (int i = 0; i < scored.size(); i++) {
        QuestionnaireItemAnswerOptionComponent option = scored.get(i).getAnswerOption().get(pattern[i]);
        response.addItem().setLinkId(scored.get(i).getLinkId()).addAnswer().setValue(option.getValueCoding().copy());
        expected += ordinal(option);
      }
      assertCalculated(questionnaire, scoring.totalItem(), response, expected);
    }
    QuestionnaireResponse incomplete = new QuestionnaireResponse();
    for (QuestionnaireItemComponent item : scored.subList(1, scored.size())) {
      incomplete.addItem().setLinkId(item.getLinkId()).addAnswer()
          .setValue(item.getAnswerOption().get(0).getValueCoding().copy());
    }
    assertThat(calculate(questionnaire, scoring.totalItem(), incomplete)).as("no total with an item unanswered")
        .isEmpty();
  }

  @Test
  void theFunctionalMeanIsExactToTwoDecimalsAndNeedsCountRatingsOfOneOrTwo() {
    Questionnaire questionnaire = questionnaire("functional-assessment");
    List<QuestionnaireItemComponent> domains = scoredItems(questionnaire);
    for (int rated = 6; rated <= domains.size(); rated++) {
      for (int shift = 0; shift < 5; shift++) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        int sum = 0;
        int needs = 0;
        for (int i = 0; i < rated; i++) {
          int rating = (i * 3 + shift) % 5 + 1;
          response.addItem().setLinkId(domains.get(i).getLinkId()).addAnswer()
              .setValue(domains.get(i).getAnswerOption().get(rating - 1).getValueCoding().copy());
          sum += rating;
          needs += rating <= 2 ? 1 : 0;
        }
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP);
        assertCalculated(questionnaire, "mean-score", response, mean);
        assertCalculated(questionnaire, "domains-needing-support", response, needs);
        if (rated < domains.size()) {
          assertThat(calculate(questionnaire, "total-score", response)).as(rated + " of 8 rated: no total").isEmpty();
        }
      }
    }
    QuestionnaireResponse fiveRated = new QuestionnaireResponse();
    for (QuestionnaireItemComponent domain : domains.subList(0, 5)) {
      fiveRated.addItem().setLinkId(domain.getLinkId()).addAnswer()
          .setValue(domain.getAnswerOption().get(2).getValueCoding().copy());
    }
    assertThat(calculate(questionnaire, "mean-score", fiveRated)).as("five of eight rated: no mean").isEmpty();
  }

  static Stream<Path> exampleResponses() throws IOException {
    return Files.list(EXAMPLES).filter(p -> p.getFileName().toString().startsWith("QuestionnaireResponse-")).sorted();
  }

  /** HAPI does not check a response against its Questionnaire here (the HL7 validator does), so this test does. */
  @ParameterizedTest(name = "{0} answers its questionnaire's items with allowed values, and its calculations agree")
  @MethodSource("exampleResponses")
  void exampleResponsesFitTheirQuestionnaire(Path file) {
    QuestionnaireResponse response = read(file, QuestionnaireResponse.class);
    String url = response.getQuestionnaire();
    assertThat(url).startsWith(ImplementationGuide.CANONICAL + "/Questionnaire/");
    Questionnaire questionnaire = questionnaire(url.substring(url.lastIndexOf('/') + 1));
    Map<String, QuestionnaireItemComponent> items = new LinkedHashMap<>();
    items(questionnaire).forEach(item -> items.put(item.getLinkId(), item));
    for (QuestionnaireResponseItemComponent answered : responseItems(response)) {
      QuestionnaireItemComponent item = items.get(answered.getLinkId());
      assertThat(item).as("item " + answered.getLinkId() + " of " + url).isNotNull();
      for (QuestionnaireResponseItemAnswerComponent answer : answered.getAnswer()) {
        if (item.getType() == QuestionnaireItemType.CHOICE) {
          assertThat(item.getAnswerOption()).as(answered.getLinkId() + " offers the answer")
              .anyMatch(option -> option.getValueCoding().equalsShallow(answer.getValueCoding()));
        } else {
          assertThat(answer.getValue().fhirType()).as(answered.getLinkId())
              .isEqualTo(item.getType().toCode().equals("text") ? "string" : item.getType().toCode());
        }
      }
      if (item.hasExtension(CALCULATED_EXPRESSION)) {
        assertCalculated(questionnaire, item.getLinkId(), response, number(answered.getAnswerFirstRep().getValue()));
      }
    }
  }

  @Test
  void thePhq9ScoreIsTheResponseTotalWithItsSeverityBand() {
    Observation score = read(EXAMPLES.resolve("Observation-assessment-score-example.json"), Observation.class);
    QuestionnaireResponse response =
        read(EXAMPLES.resolve("QuestionnaireResponse-assessment-response-example.json"), QuestionnaireResponse.class);
    assertThat(score.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
    assertThat(score.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + response.getIdPart());
    assertThat(score.getEffectiveDateTimeType().getValueAsString()).isEqualTo(response.getAuthoredElement().getValueAsString());
    int total = score.getValueIntegerType().getValue();
    assertCalculated(questionnaire("phq-9"), "44261-6", response, total);
    String band = total <= 4 ? "None or minimal depression (PHQ-9 total 0-4)" : total <= 9 ? "Mild depression (PHQ-9 total 5-9)"
        : total <= 14 ? "Moderate depression (PHQ-9 total 10-14)"
        : total <= 19 ? "Moderately severe depression (PHQ-9 total 15-19)" : "Severe depression (PHQ-9 total 20-27)";
    assertThat(score.getInterpretationFirstRep().getText()).isEqualTo(band);
  }

  @Test
  void theFunctionalScoresAreTheResponsesRatingsAndMean() {
    QuestionnaireResponse response = read(
        EXAMPLES.resolve("QuestionnaireResponse-assessment-response-functional-example.json"), QuestionnaireResponse.class);
    Questionnaire questionnaire = questionnaire("functional-assessment");
    Observation mean = read(EXAMPLES.resolve("Observation-assessment-score-functional-mean-example.json"), Observation.class);
    assertCalculated(questionnaire, "mean-score", response, mean.getValueQuantity().getValue());
    Observation housing =
        read(EXAMPLES.resolve("Observation-assessment-score-functional-housing-example.json"), Observation.class);
    String domain = housing.getCode().getCodingFirstRep().getCode();
    Coding rating = responseItems(response).stream().filter(item -> item.getLinkId().equals(domain)).findFirst()
        .orElseThrow().getAnswerFirstRep().getValueCoding();
    QuestionnaireItemComponent item = items(questionnaire).stream().filter(i -> i.getLinkId().equals(domain))
        .findFirst().orElseThrow();
    QuestionnaireItemAnswerOptionComponent option = item.getAnswerOption().stream()
        .filter(o -> o.getValueCoding().getCode().equals(rating.getCode())).findFirst().orElseThrow();
    assertThat(housing.getValueIntegerType().getValue()).isEqualTo(ordinal(option));
    for (Observation score : List.of(mean, housing)) {
      assertThat(score.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + response.getIdPart());
    }
  }

  // --- evaluation of the SDC calculated expressions with HAPI's FHIRPath engine

  /**
   * The value of a calculated item for a response: its calculatedExpression with the questionnaire's variables put in
   * place (every variable here is a FHIRPath expression on %resource, so substitution is exact).
   */
  private static Optional<BigDecimal> calculate(Questionnaire questionnaire, String linkId, QuestionnaireResponse response) {
    QuestionnaireItemComponent item = items(questionnaire).stream().filter(i -> i.getLinkId().equals(linkId))
        .findFirst().orElseThrow();
    String expression = ((Expression) item.getExtensionByUrl(CALCULATED_EXPRESSION).getValue()).getExpression();
    for (Extension variable : questionnaire.getExtensionsByUrl(VARIABLE)) {
      Expression definition = (Expression) variable.getValue();
      expression = expression.replaceAll("%" + Pattern.quote(definition.getName()) + "\\b",
          Matcher.quoteReplacement("(" + definition.getExpression() + ")"));
    }
    IFhirPath fhirPath = FHIR.newFhirPath();
    List<Base> result = fhirPath.evaluate(response, expression, Base.class);
    assertThat(result).as(linkId + " gives at most one value").hasSizeLessThanOrEqualTo(1);
    return result.stream().findFirst().map(QuestionnairesTest::number);
  }

  private static void assertCalculated(Questionnaire questionnaire, String linkId, QuestionnaireResponse response,
      int expected) {
    assertCalculated(questionnaire, linkId, response, BigDecimal.valueOf(expected));
  }

  private static void assertCalculated(Questionnaire questionnaire, String linkId, QuestionnaireResponse response,
      BigDecimal expected) {
    assertThat(calculate(questionnaire, linkId, response)).as(linkId)
        .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(expected));
  }

  private static BigDecimal number(Base value) {
    return new BigDecimal(((PrimitiveType<?>) value).getValueAsString());
  }

  // --- reading the package

  private static List<QuestionnaireItemComponent> scoredItems(Questionnaire questionnaire) {
    return items(questionnaire).stream()
        .filter(item -> item.getAnswerOption().stream().anyMatch(option -> option.hasExtension(ORDINAL_VALUE)))
        .toList();
  }

  private static List<Integer> ordinals(QuestionnaireItemComponent item) {
    return item.getAnswerOption().stream().map(QuestionnairesTest::ordinal).toList();
  }

  private static int ordinal(QuestionnaireItemAnswerOptionComponent option) {
    return ((DecimalType) option.getExtensionByUrl(ORDINAL_VALUE).getValue()).getValue().intValueExact();
  }

  private static List<QuestionnaireItemComponent> items(Questionnaire questionnaire) {
    List<QuestionnaireItemComponent> all = new ArrayList<>();
    addItems(questionnaire.getItem(), all);
    return all;
  }

  private static void addItems(List<QuestionnaireItemComponent> items, List<QuestionnaireItemComponent> all) {
    for (QuestionnaireItemComponent item : items) {
      all.add(item);
      addItems(item.getItem(), all);
    }
  }

  private static List<QuestionnaireResponseItemComponent> responseItems(QuestionnaireResponse response) {
    List<QuestionnaireResponseItemComponent> all = new ArrayList<>();
    addResponseItems(response.getItem(), all);
    return all;
  }

  private static void addResponseItems(List<QuestionnaireResponseItemComponent> items,
      List<QuestionnaireResponseItemComponent> all) {
    for (QuestionnaireResponseItemComponent item : items) {
      all.add(item);
      addResponseItems(item.getItem(), all);
    }
  }

  private static Questionnaire questionnaire(String id) {
    return read(PACKAGE.resolve("Questionnaire-" + id + ".json"), Questionnaire.class);
  }

  private static Optional<CodeSystem> codeSystem(String url) {
    try (Stream<Path> files = Files.list(PACKAGE)) {
      return files.filter(p -> p.getFileName().toString().startsWith("CodeSystem-"))
          .map(p -> read(p, CodeSystem.class)).filter(cs -> cs.getUrl().equals(url)).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String local(String codeSystemId) {
    return ImplementationGuide.CANONICAL + "/CodeSystem/" + codeSystemId;
  }

  private static <T extends Resource> T read(Path file, Class<T> type) {
    try {
      return FHIR.newJsonParser().parseResource(type, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
