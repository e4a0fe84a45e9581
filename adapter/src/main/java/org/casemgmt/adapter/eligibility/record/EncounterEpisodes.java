package org.casemgmt.adapter.eligibility.record;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.EpisodeKind;
import org.casemgmt.adapter.eligibility.evidence.Origin;
import org.casemgmt.adapter.eligibility.evidence.PsychiatricEpisode;
import org.casemgmt.profiles.ImplementationGuide;
import org.casemgmt.routes.clientrecord.EncounterKind;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;

/**
 * Psychiatric service use from Encounters, whichever feed wrote them: the guide's encounter-kind says what kind of
 * episode a stay or visit was (the ADT feed decides it from the facility's psychiatric units, the claims feed from
 * bill types, revenue and procedure codes). The claims feed's Encounters are told apart by their identifier system,
 * so that a program can leave out episodes only denied claims show.
 */
public final class EncounterEpisodes {
  static final String CLAIMS_EPISODE = ImplementationGuide.CANONICAL + "/sid/claims-episode";
  static final String CASE_MANAGEMENT = ImplementationGuide.CANONICAL + "/CodeSystem/case-management";
  /** Stays that did not happen (cancelled, retracted) or have not happened yet. */
  private static final Set<EncounterStatus> NOT_HAPPENED =
      EnumSet.of(EncounterStatus.CANCELLED, EncounterStatus.ENTEREDINERROR, EncounterStatus.PLANNED);

  private EncounterEpisodes() {
  }

  /** Whether the visit or stay took place (or is taking place): not cancelled, in error or only planned. */
  public static boolean happened(Encounter encounter) {
    return encounter.getStatus() != null && !NOT_HAPPENED.contains(encounter.getStatus());
  }

  /** The episode the Encounter records, or empty when it is not psychiatric service use that happened. */
  static Optional<PsychiatricEpisode> episode(Encounter encounter) {
    if (!happened(encounter)) {
      return Optional.empty();
    }
    Optional<EpisodeKind> kind = encounter.getType().stream()
        .flatMap(type -> type.getCoding().stream())
        .filter(coding -> EncounterKind.SYSTEM.equals(coding.getSystem()))
        .flatMap(coding -> EncounterKind.ofCode(coding.getCode()).flatMap(EpisodeKind::of).stream())
        .findFirst();
    LocalDate start = FhirDates.day(encounter.getPeriod().getStartElement());
    if (kind.isEmpty() || start == null) {
      return Optional.empty();
    }
    LocalDate end = FhirDates.day(encounter.getPeriod().getEndElement());
    // An end before the start is a sender's error; the start alone still shows the episode began.
    LocalDate plausibleEnd = end == null || end.isBefore(start) ? null : end;
    return Optional.of(new PsychiatricEpisode(kind.get(), start, plausibleEnd, origin(encounter),
        References.of(encounter)));
  }

  private static Origin origin(Encounter encounter) {
    boolean fromClaims = encounter.getIdentifier().stream()
        .anyMatch(identifier -> CLAIMS_EPISODE.equals(identifier.getSystem()));
    if (!fromClaims) {
      return Origin.CLINICAL;
    }
    return encounter.getMeta().getTag(CASE_MANAGEMENT, "denied-claims") != null ? Origin.DENIED_CLAIM : Origin.CLAIM;
  }
}
