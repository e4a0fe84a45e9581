package org.casemgmt.routes.files;

import java.io.File;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.casemgmt.routes.ClusterSingleton;

/**
 * A feed's file-drop inbox, one batch job per file. The file stays in the inbox while it loads, so a service killed
 * mid-file finds it there again on restart and its job resumes; afterwards it moves to {@code processed/} or
 * {@code error/} with a {@code .report} beside it. The inbox is a local folder ({@code adapter.<feed>.inbox}) unless
 * {@code adapter.<feed>.inbox-uri} names another Camel file-style endpoint, e.g. {@code sftp:} with
 * {@code localWorkDirectory} set so that the job reads a local copy.
 */
public abstract class FileInboxRoutes extends RouteBuilder {
  private static final String FOLDER = "CasemgmtInboxFolder";
  private final String feed;
  private final FileIntake intake;

  /** @param feed the feed's name in configuration keys and route ids, e.g. {@code claims} */
  protected FileInboxRoutes(String feed, FileIntake intake) {
    this.feed = feed;
    this.intake = intake;
  }

  @Override
  public void configure() {
    // readLock=changed: a file still being written (by an SFTP upload, say) is left alone until its size settles.
    // move is evaluated when the exchange completes, so the folder the intake chose applies.
    String inbox = getContext().resolvePropertyPlaceholders("{{adapter." + feed + ".inbox-uri}}");
    from(inbox + (inbox.contains("?") ? "&" : "?")
        + "readLock=changed&readLockMinAge=1000&exclude=.*\\.report$&sortBy=file:modified"
        + "&move=${header." + FOLDER + "}/${file:name}&moveFailed=error/${file:name}")
        .routeId(feed + "-inbox").group(ClusterSingleton.group(feed + "-inbox"))
        .process(this::load)
        .setHeader(Exchange.FILE_NAME, simple("${header." + FOLDER + "}/${file:name}.report"))
        .to(inbox);
  }

  private void load(Exchange exchange) {
    // The file itself, not its content: a feed file can be gigabytes and is streamed by the job.
    Path file = exchange.getMessage().getBody(File.class).toPath();
    FileIntake.Result result = intake.load(file);
    exchange.getMessage().setHeader(FOLDER, result.outcome().folder());
    exchange.getMessage().setBody(result.report());
  }
}
