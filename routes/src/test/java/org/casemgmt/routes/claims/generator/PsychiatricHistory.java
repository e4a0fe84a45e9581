package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The psychiatric episodes of a member with a psychiatric history: one to four, of the kinds the format can carry
 * (stays need institutional claims, crisis services professional ones), in date order and at least
 * {@link #DAYS_APART} days apart, so that no rule that chains stays or joins visits could merge two of them and no
 * emergency visit falls on the day before an admission.
 */
final class PsychiatricHistory {
  static final int DAYS_APART = 30;

  private final ClaimFileFormat format;
  private final InpatientScenarios stays;
  private final CrisisAndEmergencyScenarios visits;

  PsychiatricHistory(ClaimFileFormat format) {
    this.format = format;
    this.stays = new InpatientScenarios(format.professional());
    this.visits = new CrisisAndEmergencyScenarios(format);
  }

  List<Episode> episodes(SyntheticMember member, Random random, ClaimIds ids) {
    int wanted = count(random);
    List<Episode> episodes = new ArrayList<>(wanted);
    LocalDate start = ServicePeriod.FIRST_DAY.plusDays(random.nextInt(120));
    for (int i = 0; i < wanted; i++) {
      Episode episode = switch (kind(random)) {
        case INPATIENT -> stays.stay(member, random, ids, start);
        case EMERGENCY -> visits.emergency(member, random, ids, start);
        case CRISIS -> visits.crisis(member, random, ids, start);
      };
      if (episode.last().isAfter(ServicePeriod.LAST_DAY)) {
        break;
      }
      episodes.add(episode);
      start = episode.last().plusDays(DAYS_APART + random.nextInt(150));
    }
    return episodes;
  }

  /** One small episode on a random day, for a member whose line budget none of the planned ones fit. */
  Episode smallest(SyntheticMember member, Random random, ClaimIds ids) {
    return visits.smallest(member, random, ids, ServicePeriod.randomDay(random));
  }

  private static int count(Random random) {
    int draw = random.nextInt(10);
    return draw < 4 ? 1 : draw < 7 ? 2 : draw < 9 ? 3 : 4;
  }

  /** Weighted towards stays so that repeated stays, which most programs count, are common even in small files. */
  private PsychiatricKind kind(Random random) {
    int inpatient = format.institutional() ? 45 : 0;
    int emergency = 30;
    int crisis = format.professional() ? 25 : 0;
    int draw = random.nextInt(inpatient + emergency + crisis);
    return draw < inpatient ? PsychiatricKind.INPATIENT
        : draw < inpatient + emergency ? PsychiatricKind.EMERGENCY : PsychiatricKind.CRISIS;
  }
}
