package org.casemgmt.adapter.reporting.mhcld;

import java.util.Arrays;
import java.util.Locale;

/** MH-CLD's two files. */
public enum MhcldFile {
  /** Basic Client Information: one record per client served in the period. */
  BCI,
  /** State Hospital Readmission: one record per discharge from a state psychiatric hospital in the period. */
  SHR;

  /** Its key in configuration and requests: "bci". */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MhcldFile of(String text) {
    return Arrays.stream(values()).filter(file -> file.name().equalsIgnoreCase(text.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("file is bci or shr, not " + text));
  }
}
