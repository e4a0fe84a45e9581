package org.casemgmt.adapter.eligibility.program;

/** Social circumstances that programs read as signs of functional impairment (evidence-kind codes). */
public enum SocialNeed {
  HOUSING_INSTABILITY("housing-instability", "housing instability"),
  UNEMPLOYMENT("unemployment", "unemployment");

  private final String code;
  private final String noun;

  SocialNeed(String code, String noun) {
    this.code = code;
    this.noun = noun;
  }

  public String code() {
    return code;
  }

  public String noun() {
    return noun;
  }
}
