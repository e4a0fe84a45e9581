package org.casemgmt.adapter.eligibility.program;

import java.util.Objects;

/**
 * The text of one program file and the name problems are reported under, so the loader needs no file system: the
 * shell may read the files from a directory, the classpath or anywhere else.
 */
public record ProgramSource(String name, String yaml) {

  public ProgramSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(yaml, "yaml");
  }
}
