package org.casemgmt.adapter.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.casemgmt.adapter.eligibility.population.PopulationRuns;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo profile ({@code --spring.profiles.active=demo}): once the service is ready, the sample feeds in
 * {@code config/demo} go in the way real ones do (an enrollment file into the enrollment inbox, ADT batch files into
 * the ADT inbox, claim files into the claims inbox), and a population run of every program follows, so
 * a newcomer finds clients, their evidence and determinations within a minute. The samples' dates are written
 * relative to the day the demo runs ({@link DemoDates}), so they never age out of a lookback window.
 */
@Component
@ConditionalOnProperty(name = "adapter.demo.enabled", havingValue = "true")
class DemoFeeds {
  private static final Logger log = LoggerFactory.getLogger(DemoFeeds.class);
  private static final Duration FEED_DEADLINE = Duration.ofMinutes(2);

  private final Path enrollmentInbox;
  private final Path adtInbox;
  private final Path claimsInbox;
  private final ProgramDefinitions programs;
  private final PopulationRuns runs;
  private final Clock clock;

  DemoFeeds(@Value("${adapter.enrollment.inbox}") String enrollmentInbox,
      @Value("${adapter.adt.inbox:./data/inbox/adt}") String adtInbox,
      @Value("${adapter.claims.inbox}") String claimsInbox, ProgramDefinitions programs, PopulationRuns runs,
      Clock clock) {
    this.enrollmentInbox = Path.of(enrollmentInbox);
    this.adtInbox = Path.of(adtInbox);
    this.claimsInbox = Path.of(claimsInbox);
    this.programs = programs;
    this.runs = runs;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Thread feeds = new Thread(this::feed, "demo-feeds");
    feeds.setDaemon(true);
    feeds.start();
  }

  private void feed() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    DemoDates dates = new DemoDates(today);
    try {
      // One feed after the other, as a day's files would arrive: all three name clients by their Medicaid id.
      drop("enrollment", enrollmentInbox, dates);
      drop("adt", adtInbox, dates);
      drop("claims", claimsInbox, dates);
      for (ProgramDefinition program : programs.all()) {
        runs.start(program, today);
      }
      log.info("Demo: sample feeds recorded and a population run started for each of {} on {}; see README, Demo",
          programs.ids(), today);
    } catch (Exception e) {
      log.error("Demo: the sample feeds could not be put in", e);
    }
  }

  /** Moves each sample into the inbox whole (as an upload completes) and waits until the feed has processed it. */
  private void drop(String feed, Path inbox, DemoDates dates) throws IOException, InterruptedException {
    List<Path> dropped = new ArrayList<>();
    Files.createDirectories(inbox);
    for (Resource sample : samples(feed)) {
      Path upload = Files.createTempFile(inbox.toAbsolutePath().getParent(), "demo", ".tmp");
      Files.writeString(upload, dates.fill(text(sample)), StandardCharsets.UTF_8);
      dropped.add(Files.move(upload, inbox.resolve("demo-" + sample.getFilename())));
    }
    Instant deadline = Instant.now().plus(FEED_DEADLINE);
    for (Path file : dropped) {
      while (Files.exists(file) && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      log.info("Demo: {} {} into {}", file.getFileName(), Files.exists(file) ? "still waiting" : "processed",
          inbox);
    }
  }

  private static List<Resource> samples(String feed) throws IOException {
    Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/" + feed + "/*");
    return List.of(found).stream().filter(Resource::isReadable)
        .sorted((a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename()))).toList();
  }

  private static String text(Resource sample) throws IOException {
    return sample.getContentAsString(StandardCharsets.UTF_8);
  }
}
