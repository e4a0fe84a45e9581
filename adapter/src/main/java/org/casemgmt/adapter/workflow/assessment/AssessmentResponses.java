package org.casemgmt.adapter.workflow.assessment;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.List;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.adapter.workflow.Breach;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.adapter.workflow.WorkflowStage;
import org.casemgmt.adapter.workflow.WorkflowStore;
import org.casemgmt.adapter.workflow.Written;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.springframework.stereotype.Component;

/**
 * Screening and assessment: a response to one of the guide's forms is checked against the form; once completed, the
 * server scores it into assessment-score Observations (in the same transaction, so the scores and the answers never
 * disagree), and a completed screening closes the client's screening Tasks and asks for an eligibility
 * determination. A response retracted (entered-in-error) retracts its scores.
 */
@Component
class AssessmentResponses implements WorkflowStage<QuestionnaireResponse> {
  private final AssessmentForms forms;
  private final WorkflowStore store;
  private final Screenings screenings;

  AssessmentResponses(AssessmentForms forms, WorkflowStore store, Screenings screenings) {
    this.forms = forms;
    this.store = store;
    this.screenings = screenings;
  }

  @Override
  public Class<QuestionnaireResponse> type() {
    return QuestionnaireResponse.class;
  }

  @Override
  public List<Breach> checkWrite(Written<QuestionnaireResponse> write) {
    if (!answersChanged(write)) {
      return List.of();
    }
    return forms.find(write.current().getQuestionnaire())
        .map(form -> ResponseCheck.breaches(form, write.current())).orElse(List.of());
  }

  @Override
  public void followUp(Written<QuestionnaireResponse> write) {
    QuestionnaireResponse response = write.current();
    String reference = WorkflowCodes.reference(response);
    if (write.entered(QuestionnaireResponse::getStatus, QuestionnaireResponseStatus.ENTEREDINERROR)) {
      retractScores(reference);
      return;
    }
    // The authored time dates the scores, so a corrected one is scored again too.
    if (!ResponseCheck.finished(response)
        || !(answersChanged(write) || write.changed(QuestionnaireResponse::getAuthoredElement))) {
      return;
    }
    forms.find(response.getQuestionnaire()).ifPresent(form -> {
      // A new response's scores are new too (no search for them); a changed one's are new versions of its own.
      ClientRecordChanges changes = new ClientRecordChanges();
      for (Observation score : AssessmentScores.of(form, response, reference)) {
        if (write.isNew()) {
          changes.createKnownNew(score);
        } else {
          changes.upsert(score);
        }
      }
      // Built to assessment-score in every shape, as AssessmentScoresTest proves.
      store.writeBuiltToProfile(changes);
      screenings.completed(form.url(), response, reference);
    });
  }

  /** Answers, status or form: what the rules and the scores depend on (not, say, the subject a merge re-points). */
  private static boolean answersChanged(Written<QuestionnaireResponse> write) {
    return write.changed(QuestionnaireResponse::getItem) || write.changed(QuestionnaireResponse::getStatus)
        || write.changed(QuestionnaireResponse::getQuestionnaire);
  }

  private void retractScores(String reference) {
    ClientRecordChanges changes = new ClientRecordChanges();
    store.search(Observation.class, SearchParameterMap.newSynchronous()
            .add(Observation.SP_DERIVED_FROM, new ReferenceParam(reference))).stream()
        .filter(score -> score.getIdentifier().stream()
            .anyMatch(id -> AssessmentScores.IDENTIFIER.equals(id.getSystem())))
        .forEach(score -> changes.update(score.setStatus(Observation.ObservationStatus.ENTEREDINERROR)));
    store.write(changes);
  }
}
