package org.casemgmt.adapter.files;

import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator's view of a file feed, under the path its controller maps: every file received, its job's state and
 * counts while it runs and after ({@code S}, the feed's status of a file), the items it could not load with the
 * reason, and the replay of a file that went to the error folder. Rejection reasons may quote file content, so only
 * the per-file rejection list returns them.
 */
public abstract class FeedFilesEndpoints<S> {
  private final FeedFiles files;

  protected FeedFilesEndpoints(FeedFiles files) {
    this.files = files;
  }

  /** A file with the latest run of its job and the feed's counts. Counts add up over a resumed job's runs. */
  protected abstract S status(FeedFiles.Run run);

  /** The items of the file the feed rejected, with where and why. */
  protected abstract List<?> rejectionsOf(long fileId);

  @GetMapping
  public List<S> files() {
    return files.all().stream().map(file -> status(files.run(file))).toList();
  }

  /** One file; its job's state is looked up for it alone, not for every file received. */
  @GetMapping("/{id}")
  public S file(@PathVariable long id) {
    return status(files.run(received(id)));
  }

  @GetMapping("/{id}/rejections")
  public List<?> rejections(@PathVariable long id) {
    received(id);
    return rejectionsOf(id);
  }

  /**
   * Puts a file from the error folder back into the inbox, once its cause is fixed (the database is back, say): its
   * job resumes after what was committed. A file with bad content is better corrected and dropped as a new file.
   */
  @PostMapping("/{id}/replay")
  public ResponseEntity<S> replay(@PathVariable long id) throws IOException {
    FeedFiles.Received file = received(id);
    S status = status(files.run(file));
    if (!files.replay(file)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, files.label() + " " + id
          + " is not in the error folder");
    }
    return ResponseEntity.accepted().body(status);
  }

  private FeedFiles.Received received(long id) {
    return files.one(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + files.label()
        + " " + id));
  }
}
