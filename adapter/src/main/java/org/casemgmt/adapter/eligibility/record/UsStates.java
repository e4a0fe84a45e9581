package org.casemgmt.adapter.eligibility.record;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * USPS state codes. Programs name states by code (IL), while addresses from some senders spell the name out
 * (Illinois): compared as written, a resident of Illinois would be judged to live outside IL.
 */
final class UsStates {
  private static final Map<String, String> CODES = new HashMap<>();

  static {
    String[] pairs = {
        "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California", "CO", "Colorado",
        "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida", "GA", "Georgia",
        "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa", "KS", "Kansas",
        "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland", "MA", "Massachusetts",
        "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri", "MT", "Montana",
        "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey", "NM", "New Mexico",
        "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio", "OK", "Oklahoma",
        "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina", "SD", "South Dakota",
        "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont", "VA", "Virginia", "WA", "Washington",
        "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming", "AS", "American Samoa", "GU", "Guam",
        "MP", "Northern Mariana Islands", "PR", "Puerto Rico", "VI", "U.S. Virgin Islands"};
    for (int i = 0; i < pairs.length; i += 2) {
      CODES.put(key(pairs[i]), pairs[i]);
      CODES.put(key(pairs[i + 1]), pairs[i]);
    }
  }

  private UsStates() {
  }

  /** The USPS code for a code or a name in any case; other text as given (it may be a foreign region). */
  static String code(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    return CODES.getOrDefault(key(state), state.trim());
  }

  private static String key(String state) {
    return state.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
