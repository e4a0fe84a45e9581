package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Plans all claims of one member within a line budget: first the psychiatric episodes that fit, each with its fate
 * (replaced, voided, denied), then ordinary claims until the budget is used up exactly, so the file has exactly the
 * lines requested. Ordinary claims keep a day's distance from every episode, so none of them could be taken for
 * part of one. Only ordinary claims are made malformed: an episode is always readable, and its count unambiguous.
 */
final class MemberPlanner {
  private static final int MAX_ORDINARY_LINES = 4;

  private final ClaimFileRequest request;
  private final PsychiatricHistory history;
  private final OrdinaryCare ordinary;

  MemberPlanner(ClaimFileRequest request) {
    this.request = request;
    this.history = new PsychiatricHistory(request.format());
    this.ordinary = new OrdinaryCare(request.format());
  }

  /** The member's claims in write order (by first day; an adjustment right after its original). */
  List<PlannedClaim> plan(SyntheticMember member, Random random, long lineBudget, ManifestTally tally) {
    ClaimIds ids = new ClaimIds(member.index());
    List<PlannedClaim> claims = new ArrayList<>();
    List<Episode> kept = new ArrayList<>();
    long remaining = lineBudget;
    int staysInForce = 0;
    if (member.psychiatric()) {
      List<Episode> planned = new ArrayList<>(history.episodes(member, random, ids));
      if (planned.isEmpty() || planned.get(0).lines() > remaining) {
        planned.add(0, history.smallest(member, random, ids));
      }
      for (Episode episode : planned) {
        Fate fate = fate(random, episode.claims().size() == 1);
        long needed = episode.lines() * (fate.adjusts() ? 2L : 1L);
        if (needed > remaining && fate.adjusts()) {
          fate = Fate.PLAIN;
          needed = episode.lines();
        }
        if (needed > remaining || kept.stream().anyMatch(other -> tooClose(episode, other))) {
          continue;
        }
        remaining -= needed;
        kept.add(episode);
        apply(fate, episode.claims(), claims);
        tally.episode(episode.kind(), fate);
        if (episode.kind() == PsychiatricKind.INPATIENT && (fate == Fate.PLAIN || fate == Fate.REPLACED)) {
          staysInForce++;
        }
      }
    }
    while (remaining > 0) {
      PlannedClaim claim = ordinary.claim(member, random, ids, dayAwayFrom(kept, random),
          (int) Math.min(remaining, MAX_ORDINARY_LINES));
      remaining -= ordinaryFate(claim, random, remaining, claims);
    }
    // List.sort is stable: an adjustment keeps its place right after its original, which has the same first day.
    claims.sort(Comparator.comparing(PlannedClaim::from));
    tally.member(member, claims, staysInForce);
    return claims;
  }

  /** The smallest episode, put first for a tight budget on a day of its own, must not crowd the planned ones. */
  private static boolean tooClose(Episode episode, Episode previous) {
    return !episode.first().isAfter(previous.last().plusDays(PsychiatricHistory.DAYS_APART - 1))
        && !previous.first().isAfter(episode.last().plusDays(PsychiatricHistory.DAYS_APART - 1));
  }

  private long ordinaryFate(PlannedClaim claim, Random random, long remaining, List<PlannedClaim> claims) {
    if (random.nextDouble() < request.malformedShare()) {
      claim.malformation = random.nextBoolean() ? Malformation.IMPOSSIBLE_SERVICE_DATE
          : Malformation.DIAGNOSIS_OF_WRONG_SHAPE;
      claims.add(claim);
      return claim.lineCount();
    }
    Fate fate = fate(random, true);
    if (fate.adjusts() && 2L * claim.lineCount() > remaining) {
      fate = Fate.PLAIN;
    }
    apply(fate, List.of(claim), claims);
    return claim.lineCount() * (fate.adjusts() ? 2L : 1L);
  }

  /** Adjustments only for one-claim units: voiding one bill of a three-bill stay would leave its count in doubt. */
  private Fate fate(Random random, boolean adjustable) {
    if (adjustable && random.nextDouble() < request.adjustmentShare()) {
      return random.nextBoolean() ? Fate.REPLACED : Fate.VOIDED;
    }
    return random.nextDouble() < request.deniedShare() ? Fate.DENIED : Fate.PLAIN;
  }

  private static void apply(Fate fate, List<PlannedClaim> unit, List<PlannedClaim> claims) {
    for (PlannedClaim claim : unit) {
      claim.denied = fate == Fate.DENIED;
      claims.add(claim);
      if (fate.adjusts()) {
        claim.superseded = true;
        claims.add(claim.adjustment(fate == Fate.REPLACED ? "7" : "8"));
      }
    }
  }

  private static LocalDate dayAwayFrom(List<Episode> episodes, Random random) {
    while (true) {
      LocalDate day = ServicePeriod.randomDay(random);
      if (episodes.stream().noneMatch(episode -> episode.near(day))) {
        return day;
      }
    }
  }
}
