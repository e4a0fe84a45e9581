package org.casemgmt.routes.x12;

import java.util.Locale;
import java.util.regex.Pattern;
import org.casemgmt.routes.files.BadValue;

/**
 * The shape of the codes every X12 person loop carries (N4 state and ZIP code, DMG gender), checked the same way in
 * every transaction, and the one form they are kept in. Each check names the element it was given, so the rejection
 * says where.
 */
public final class X12Codes {
  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  private static final Pattern ZIP = Pattern.compile("\\d{5}(\\d{4})?");

  private X12Codes() {
  }

  public static String state(String value, String element) {
    return matching(value, STATE, element, "a state code (two letters)");
  }

  /** Five or nine digits, without a hyphen. */
  public static String postalCode(String value, String element) {
    return matching(value.replace("-", ""), ZIP, element, "a ZIP code (5 or 9 digits)");
  }

  /** F, M or U. */
  public static String gender(String value, String element) {
    String code = value.trim().toUpperCase(Locale.ROOT);
    if (!code.equals("F") && !code.equals("M") && !code.equals("U")) {
      throw new BadValue(element, element + " '" + value + "' is not a gender code (F, M or U)");
    }
    return code;
  }

  private static String matching(String value, Pattern pattern, String element, String what) {
    String code = value.trim().toUpperCase(Locale.ROOT);
    if (!pattern.matcher(code).matches()) {
      throw new BadValue(element, element + " '" + value + "' is not " + what);
    }
    return code;
  }
}
