package org.casemgmt.routes.claims.generator;

import java.util.List;
import java.util.Random;

/**
 * The billing providers and clinicians of the generated claims: made-up Illinois organisations with NUCC
 * taxonomies (REFERENCE 1.2.1) and NPIs whose check digit is valid, so an NPI check downstream passes.
 */
final class Providers {

  /** A billing provider (837 loop 2010AA). */
  record Facility(String name, String npi, String taxonomy, String street, String city, String zip, String taxId) {
  }

  /** An attending (837I 2310A) or rendering (837P 2310B) clinician. */
  record Clinician(String familyName, String givenName, String npi) {
  }

  static final List<Facility> PSYCHIATRIC_HOSPITALS = List.of(
      facility("RIVERSIDE PSYCHIATRIC HOSPITAL", "198700001", "283Q00000X", "4550 N BROADWAY", "CHICAGO", "60640"),
      facility("PRAIRIE VIEW BEHAVIORAL HOSPITAL", "198700002", "283Q00000X", "5 KNOXVILLE AVE", "PEORIA",
          "61605"));
  /** Acute care hospitals, each with a psychiatric unit, an emergency department and outpatient clinics. */
  static final List<Facility> GENERAL_HOSPITALS = List.of(
      facility("LAKESIDE MEDICAL CENTER", "198700011", "282N00000X", "1800 W CERMAK RD", "CHICAGO", "60608"),
      facility("SANGAMON VALLEY HOSPITAL", "198700012", "282N00000X", "800 E CARPENTER ST", "SPRINGFIELD",
          "62703"),
      facility("ST ANNE COMMUNITY HOSPITAL", "198700013", "282N00000X", "2400 N ROCKTON AVE", "ROCKFORD",
          "61101"));
  static final Facility PSYCHIATRY_GROUP =
      facility("PRAIRIE PSYCHIATRY ASSOCIATES", "198700021", "2084P0800X", "200 W ADAMS ST", "CHICAGO", "60606");
  static final Facility EMERGENCY_GROUP =
      facility("ILLINOIS EMERGENCY PHYSICIANS", "198700022", "207P00000X", "900 N MICHIGAN AVE", "CHICAGO", "60611");
  static final Facility CRISIS_TEAM =
      facility("COUNTY MOBILE CRISIS RESPONSE", "198700023", "261QM0801X", "118 N CLARK ST", "CHICAGO", "60602");
  static final Facility COMMUNITY_MENTAL_HEALTH =
      facility("HARBOR COMMUNITY MENTAL HEALTH", "198700024", "261QM0801X", "9 HARBOR WAY", "SPRINGFIELD", "62702");
  static final List<Facility> PRIMARY_CARE = List.of(
      facility("MAPLE FAMILY MEDICINE", "198700031", "207Q00000X", "310 MAPLE DR", "JOLIET", "60432"),
      facility("NORTHSIDE COMMUNITY HEALTH CENTER", "198700032", "261QF0400X", "1300 W ARGYLE ST", "CHICAGO",
          "60640"));

  static final List<Clinician> PSYCHIATRISTS = List.of(clinician("CHEN", "LI", "198710001"),
      clinician("PATEL", "ASHA", "198710002"), clinician("OKONKWO", "EMEKA", "198710003"));
  static final List<Clinician> EMERGENCY_PHYSICIANS = List.of(clinician("RIVERA", "SAMUEL", "198710011"),
      clinician("BERG", "ANNA", "198710012"));
  static final List<Clinician> PRIMARY_CARE_PHYSICIANS = List.of(clinician("NOWAK", "ELLEN", "198710021"),
      clinician("HUGHES", "DAVID", "198710022"), clinician("SANTOS", "MARIA", "198710023"));
  static final List<Clinician> THERAPISTS = List.of(clinician("GREEN", "TERESA", "198710031"),
      clinician("MORALES", "JUAN", "198710032"));

  private Providers() {
  }

  static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /**
   * The NPI with its check digit: the Luhn digit of the nine digits prefixed with 80840 (the health industry
   * prefix the NPI standard adds before checking).
   */
  static String npi(String nineDigits) {
    String payload = "80840" + nineDigits;
    int sum = 0;
    boolean twice = true;
    for (int i = payload.length() - 1; i >= 0; i--, twice = !twice) {
      int digit = payload.charAt(i) - '0';
      if (twice) {
        digit *= 2;
        sum += digit > 9 ? digit - 9 : digit;
      } else {
        sum += digit;
      }
    }
    return nineDigits + (10 - sum % 10) % 10;
  }

  private static Facility facility(String name, String npiBase, String taxonomy, String street, String city,
                                   String zip) {
    return new Facility(name, npi(npiBase), taxonomy, street, city, zip, "37" + npiBase.substring(2));
  }

  private static Clinician clinician(String family, String given, String npiBase) {
    return new Clinician(family, given, npi(npiBase));
  }
}
