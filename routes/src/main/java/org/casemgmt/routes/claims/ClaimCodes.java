package org.casemgmt.routes.claims;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.casemgmt.routes.files.BadValue;

/**
 * The shape of each code a claim carries, checked the same way whatever the file format, and the one form it is kept
 * in. Only the shape: whether a code exists in its code system is for the value sets downstream. Each check names the
 * element or column it was given, so the rejection says where.
 */
final class ClaimCodes {
  private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
  private static final Pattern ICD9 = Pattern.compile("(\\d{3}|V\\d{2}|E\\d{3})(\\.?\\d{1,2})?");
  private static final Pattern REVENUE = Pattern.compile("\\d{4}");
  // CPT: five digits, or four and F/T/U (category II/III, PLA); HCPCS level II: a letter and four digits.
  private static final Pattern HCPCS = Pattern.compile("\\d{4}[0-9FTU]|[A-Z]\\d{4}");
  private static final Pattern OTHER_PROCEDURE = Pattern.compile("[A-Z0-9]{1,48}");
  private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
  private static final Pattern NPI = Pattern.compile("\\d{10}");
  private static final Pattern TYPE_OF_BILL = Pattern.compile("0?\\d{3}");
  private static final Pattern FREQUENCY = Pattern.compile("\\d");
  private static final Pattern DRG = Pattern.compile("\\d{3,4}");

  private ClaimCodes() {
  }

  /** An ICD code in upper case with its dot: {@code F209} and {@code f20.9} both become {@code F20.9}. */
  static String diagnosis(String value, Diagnosis.CodeSystem system, String element) {
    String code = value.trim().toUpperCase(Locale.ROOT);
    boolean icd10 = system == Diagnosis.CodeSystem.ICD_10_CM;
    if (!(icd10 ? ICD10 : ICD9).matcher(code).matches()) {
      throw new BadValue(element, element + " '" + value + "' is not an " + (icd10 ? "ICD-10-CM" : "ICD-9-CM")
          + " code");
    }
    String plain = code.replace(".", "");
    int category = !icd10 && plain.startsWith("E") ? 4 : 3;
    return plain.length() > category ? plain.substring(0, category) + "." + plain.substring(category) : plain;
  }

  static String revenueCode(String value, String element) {
    return matching(value, REVENUE, element, "a revenue code (four digits)");
  }

  /** A HCPCS or CPT code when {@code hcpcs}, else a code of another system the sender names (checked loosely). */
  static String procedure(String value, boolean hcpcs, String element) {
    return hcpcs ? matching(value, HCPCS, element, "a HCPCS/CPT code (five characters)")
        : matching(value, OTHER_PROCEDURE, element, "a procedure code");
  }

  static String modifier(String value, String element) {
    return matching(value, MODIFIER, element, "a procedure modifier (two characters)");
  }

  static String placeOfService(String value, String element) {
    return matching(value, TWO_DIGITS, element, "a place of service code (two digits)");
  }

  static String npi(String value, String element) {
    return matching(value, NPI, element, "an NPI (ten digits)");
  }

  /** A type of bill with its leading zero: {@code 111} and {@code 0111} both become {@code 0111}. */
  static String typeOfBill(String value, String element) {
    String code = matching(value, TYPE_OF_BILL, element, "a type of bill (0 and three digits)");
    return code.length() == 3 ? "0" + code : code;
  }

  static String facilityCode(String value, String element) {
    return matching(value, TWO_DIGITS, element, "a facility type code (two digits)");
  }

  static String frequency(String value, String element) {
    return matching(value, FREQUENCY, element, "a claim frequency code (one digit)");
  }

  static String drg(String value, String element) {
    return matching(value, DRG, element, "a DRG (three or four digits)");
  }

  static BigDecimal amount(String value, String element) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new BadValue(element, element + " '" + value + "' is not a number");
    }
  }

  private static String matching(String value, Pattern pattern, String element, String what) {
    String code = value.trim().toUpperCase(Locale.ROOT);
    if (!pattern.matcher(code).matches()) {
      throw new BadValue(element, element + " '" + value + "' is not " + what);
    }
    return code;
  }
}
