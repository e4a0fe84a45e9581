package org.casemgmt.adapter.eligibility.program;

import java.math.BigDecimal;

/** The PHQ-9 severity bands, fixed by the instrument (Kroenke et al. 2001), in rising order. */
public enum Phq9Band {
  NONE_MINIMAL("none-minimal", 0),
  MILD("mild", 5),
  MODERATE("moderate", 10),
  MODERATELY_SEVERE("moderately-severe", 15),
  SEVERE("severe", 20);

  private final String code;
  private final int lowestScore;

  Phq9Band(String code, int lowestScore) {
    this.code = code;
    this.lowestScore = lowestScore;
  }

  public String code() {
    return code;
  }

  public int lowestScore() {
    return lowestScore;
  }

  public static Phq9Band of(BigDecimal total) {
    Phq9Band band = NONE_MINIMAL;
    for (Phq9Band candidate : values()) {
      if (total.compareTo(BigDecimal.valueOf(candidate.lowestScore)) >= 0) {
        band = candidate;
      }
    }
    return band;
  }
}
