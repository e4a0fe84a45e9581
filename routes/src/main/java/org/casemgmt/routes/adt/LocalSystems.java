package org.casemgmt.routes.adt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Identifier and code systems for names the mapping tables do not know, built the same way every time so that
 * re-delivery, and a later entry in the tables, can still recognise them: {@code urn:casemgmt:v2:} followed by the
 * names in lower case, anything but letters, digits, dots and hyphens turned into hyphens.
 */
final class LocalSystems {
  private static final String PREFIX = "urn:casemgmt:v2:";

  private LocalSystems() {
  }

  /** {@code urn:casemgmt:v2:<part>:<part>...}, empty parts left out. */
  static String of(String... parts) {
    return PREFIX + Arrays.stream(parts).map(LocalSystems::slug).filter(s -> !s.isEmpty())
        .collect(Collectors.joining(":"));
  }

  static String codingSystem(String name) {
    return of("coding-system", name.isBlank() ? "unspecified" : name);
  }

  static String slug(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
  }
}
