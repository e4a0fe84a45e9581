package org.casemgmt.adapter.eligibility.evidence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One answer from the eligibility screening (or another form whose items use the same codes), e.g. question
 * "housing-situation", answer "housing-homeless". Codes are those of the eligibility-screening CodeSystem.
 *
 * @param reference the QuestionnaireResponse
 */
public record ScreeningAnswer(String question, String answer, LocalDate date, String reference) {

  public ScreeningAnswer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reference, "reference");
  }
}
