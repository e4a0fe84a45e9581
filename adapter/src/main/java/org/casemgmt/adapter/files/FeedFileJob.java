package org.casemgmt.adapter.files;

import java.nio.file.Path;
import org.springframework.batch.core.Job;

/** A feed's batch job, built for each file: its reader and writers are the file's. */
public interface FeedFileJob {

  /** The job's name: with the file's content hash, what Spring Batch knows a file's job by. */
  String name();

  Job forFile(Path file, long fileId);
}
