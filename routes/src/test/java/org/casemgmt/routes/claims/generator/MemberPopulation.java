package org.casemgmt.routes.claims.generator;

import java.time.LocalDate;
import java.util.Random;

/** Makes the members, each from its own random stream so that one member's content does not shift the next's. */
public final class MemberPopulation {
  private static final String[] FAMILY_NAMES = {"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA",
      "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS",
      "TAYLOR", "MOORE", "JACKSON", "MARTIN", "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK",
      "RAMIREZ", "LEWIS", "ROBINSON", "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN",
      "HILL", "FLORES", "KOWALSKI", "NOWAK", "OKAFOR", "PATEL", "KIM"};
  private static final String[] WOMEN = {"MARY", "PATRICIA", "JENNIFER", "LINDA", "ELIZABETH", "BARBARA", "SUSAN",
      "JESSICA", "SARAH", "KAREN", "MARIA", "ANGELA", "DANA", "ROSA", "TAMIKA", "AISHA"};
  private static final String[] MEN = {"JAMES", "ROBERT", "JOHN", "MICHAEL", "DAVID", "WILLIAM", "RICHARD",
      "JOSEPH", "THOMAS", "CHARLES", "JOSE", "LUIS", "DARNELL", "MARCUS", "ANDRE", "KEVIN"};
  private static final String[] STREETS = {"ELM ST", "OAK AVE", "MAPLE DR", "LINCOLN AVE", "WASHINGTON ST",
      "CHURCH ST", "PARK AVE", "MAIN ST", "STATE ST", "PRAIRIE RD", "HALSTED ST", "CERMAK RD", "JEFFERSON ST"};
  // Adults, 19 to 75 at the start of the service period: the case-management programs are for adults.
  private static final LocalDate BORN_FROM = ServicePeriod.FIRST_DAY.minusYears(75);
  private static final int BIRTH_DAYS = 365 * 56;
  // Homelessness is far more common among people with a serious mental illness (REFERENCE 1.7 is why we look).
  private static final double HOUSING_SHARE_PSYCHIATRIC = 0.35;
  private static final double HOUSING_SHARE_OTHER = 0.03;

  private final double psychiatricShare;

  public MemberPopulation(double psychiatricShare) {
    this.psychiatricShare = psychiatricShare;
  }

  public SyntheticMember member(int index, Random random) {
    boolean woman = random.nextBoolean();
    String given = pick(woman ? WOMEN : MEN, random);
    String family = pick(FAMILY_NAMES, random);
    String middle = String.valueOf((char) ('A' + random.nextInt(26)));
    LocalDate birth = BORN_FROM.plusDays(random.nextInt(BIRTH_DAYS));
    String street = (1 + random.nextInt(9_899)) + " " + pick(STREETS, random);
    IllinoisPlace place = IllinoisPlace.random(random);
    boolean psychiatric = random.nextDouble() < psychiatricShare;
    boolean housing = random.nextDouble() < (psychiatric ? HOUSING_SHARE_PSYCHIATRIC : HOUSING_SHARE_OTHER);
    String smi = psychiatric ? pick(ClinicalCodes.SMI, random) : null;
    return new SyntheticMember(index, String.format("MCD%09d", index + 1), family, given, middle, birth,
        woman ? "F" : "M", street, place, psychiatric, housing, smi);
  }

  static <T> T pick(T[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
