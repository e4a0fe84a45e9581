package org.casemgmt.routes.files;

import java.nio.file.Path;

/**
 * Where a file dropped into a feed's inbox is handed over to be loaded; the adapter implements it with a restartable
 * batch job. Loading is synchronous: when it returns, what could be loaded is committed and the report says what was
 * not.
 */
public interface FileIntake {

  /** What became of a file, which decides the folder it is moved to. */
  enum Outcome {
    /** Every item is loaded; moved to {@code processed/}. */
    LOADED,
    /** Some items are loaded, others rejected, each with its reason in the report; moved to {@code processed/}. */
    LOADED_WITH_REJECTIONS,
    /**
     * The file was read, but nothing in it could be taken: every item was rejected, each with its reason. Moved to
     * {@code error/}, where a file that needs its sender's attention is looked for.
     */
    REJECTED,
    /** The same content was loaded before; nothing changed. Moved to {@code processed/}. */
    ALREADY_LOADED,
    /**
     * The file cannot be read as a whole (neither X12 nor the CSV extract, a broken envelope); moved to
     * {@code error/}.
     */
    UNREADABLE,
    /**
     * Loading stopped part-way (the database went away, say); what was committed stands, and dropping the same file
     * again resumes after it. Moved to {@code error/}.
     */
    FAILED;

    /** The folder under the inbox the file goes to. */
    public String folder() {
      return this == LOADED || this == LOADED_WITH_REJECTIONS || this == ALREADY_LOADED ? "processed" : "error";
    }
  }

  /** The outcome and the report written beside the file (it may quote file content: never log it). */
  record Result(Outcome outcome, String report) {
  }

  /** Loads one file; never throws for bad content, which the result reports. */
  Result load(Path file);
}
