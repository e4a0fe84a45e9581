package org.casemgmt.adapter.workflow.discharge;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.adapter.workflow.WorkflowCodes;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * The outcome of an enrollment: the client's psychiatric service use in a window before the enrollment began
 * compared with the use during it, counted from the episodes the eligibility rules read (the same Encounters, kinds
 * and dating by first day), as the guide's enrollment-outcome Observation.
 */
final class OutcomeSummary {
  static final String IDENTIFIER = ImplementationGuide.CANONICAL + "/sid/enrollment-outcome";
  private static final String PROFILE = ImplementationGuide.CANONICAL + "/StructureDefinition/enrollment-outcome";

  /** What is compared, with the component code stem and the words of the summary. */
  enum Measure {
    HOSPITALIZATIONS("psych-inpatient-episodes", "psychiatric hospitalization",
        EnumSet.of(EpisodeKind.INPATIENT, EpisodeKind.STATE_HOSPITAL)),
    EMERGENCY_VISITS("psych-ed-visits", "psychiatric emergency visit", EnumSet.of(EpisodeKind.EMERGENCY)),
    CRISIS_EPISODES("crisis-episodes", "crisis episode", EnumSet.of(EpisodeKind.CRISIS));

    private final String code;
    private final String words;
    private final Set<EpisodeKind> kinds;

    Measure(String code, String words, Set<EpisodeKind> kinds) {
      this.code = code;
      this.words = words;
      this.kinds = kinds;
    }
  }

  /** The summary Observation and the episodes it counted (for its Provenance). */
  record Summary(Observation observation, List<String> counted) {}

  private OutcomeSummary() {
  }

  /**
   * @param start the enrollment's first day
   * @param end the discharge day
   * @param countDeniedClaims whether episodes only denied claims show count (the program's choice)
   */
  static Summary of(List<PsychiatricEpisode> episodes, String client, String enrollment, LocalDate start,
      LocalDate end, Period windowBefore, boolean countDeniedClaims, Date issued) {
    LocalDate before = start.minus(windowBefore);
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> counted = new ArrayList<>();
    StringBuilder beforeWords = new StringBuilder();
    StringBuilder duringWords = new StringBuilder();
    for (Measure measure : Measure.values()) {
      int beforeCount = 0;
      int duringCount = 0;
      for (PsychiatricEpisode episode : episodes) {
        if (!measure.kinds.contains(episode.kind())
            || episode.origin() == Origin.DENIED_CLAIM && !countDeniedClaims) {
          continue;
        }
        boolean inBefore = !episode.start().isBefore(before) && episode.start().isBefore(start);
        boolean inDuring = !episode.start().isBefore(start) && !episode.start().isAfter(end);
        beforeCount += inBefore ? 1 : 0;
        duringCount += inDuring ? 1 : 0;
        if (inBefore || inDuring) {
          counted.add(episode.reference());
        }
      }
      counts.put(measure.code + "-before-enrollment", beforeCount);
      counts.put(measure.code + "-during-enrollment", duringCount);
      beforeWords.append(beforeWords.isEmpty() ? "" : ", ").append(count(beforeCount, measure.words));
      duringWords.append(duringWords.isEmpty() ? "" : ", ").append(count(duringCount, measure.words));
    }

    Observation summary = new Observation();
    summary.getMeta().addProfile(PROFILE);
    summary.addIdentifier().setSystem(IDENTIFIER).setValue(enrollment);
    summary.setStatus(Observation.ObservationStatus.FINAL);
    summary.setCode(new CodeableConcept(new Coding(WorkflowCodes.CASE_MANAGEMENT, "enrollment-outcome",
        "Enrollment outcome summary")));
    summary.setSubject(new Reference(client));
    summary.addFocus(new Reference(enrollment));
    summary.getEffectivePeriod().setStartElement(new DateTimeType(before.toString()))
        .setEndElement(new DateTimeType(end.toString()));
    summary.setIssued(issued);
    summary.addNote().setText("Before enrollment (" + before + " to " + start.minusDays(1) + "): " + beforeWords
        + ". During enrollment (" + start + " to " + end + "): " + duringWords + ".");
    counts.forEach((code, value) -> summary.addComponent()
        .setCode(new CodeableConcept(new Coding(WorkflowCodes.CASE_MANAGEMENT, code, null)))
        .setValue(new IntegerType(value)));
    return new Summary(summary, counted);
  }

  private static String count(int count, String words) {
    return count + " " + words + (count == 1 ? "" : "s");
  }
}
