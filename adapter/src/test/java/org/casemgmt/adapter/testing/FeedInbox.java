package org.casemgmt.adapter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A file feed's inbox as a sender and an operator see it: files dropped in, reports read beside the moved files. */
public final class FeedInbox {
  private final Path inbox;

  public FeedInbox(Path inbox) {
    this.inbox = inbox;
  }

  /** Written beside the inbox and moved in, as a sender's upload completes: the inbox never sees half a file. */
  public String drop(String name, String content) throws IOException {
    Path staging = Files.createTempFile(inbox.getParent(), "upload", ".tmp");
    Files.writeString(staging, content, StandardCharsets.UTF_8);
    Files.move(staging, inbox.resolve(name));
    return name;
  }

  /** Waits for the file to be moved to the folder with its report beside it (polling against a deadline). */
  public Report awaitReport(String folder, String name) throws InterruptedException, IOException {
    Path report = inbox.resolve(folder).resolve(name + ".report");
    Path moved = inbox.resolve(folder).resolve(name);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!(Files.exists(report) && Files.exists(moved))) {
      assertThat(Instant.now()).as("report of " + name + " in " + folder).isBefore(deadline);
      Thread.sleep(100);
    }
    return new Report(Files.readAllLines(report));
  }

  /** A file's report: "key: value" lines, then after a blank line the rejection table, its header first. */
  public record Report(List<String> lines) {
    public String value(String key) {
      return lines.stream().filter(line -> line.startsWith(key + ": ")).map(line -> line.substring(key.length() + 2))
          .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in report:\n" + String.join("\n", lines)));
    }

    /** The rows of the rejection table, without its header. */
    public List<String> rejections() {
      int blank = lines.indexOf("");
      return blank < 0 ? List.of() : lines.subList(blank + 2, lines.size());
    }
  }
}
