package org.casemgmt.adapter.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.adapter.eligibility.population.PopulationRuns;
import org.casemgmt.adapter.eligibility.program.ProgramDefinition;
import org.casemgmt.adapter.eligibility.program.ProgramDefinitions;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.explore.JobExplorer;
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
 * a newcomer finds clients, their evidence and determinations within a minute. When the runs are done, the agency's
 * own work on the eligible clients is recorded as its staff would through the API ({@code config/demo/workflow}: the
 * demo case manager's ISPs, care teams, enrollments and a referral), so the workspace opens on a caseload. The
 * samples' dates are written relative to the day the demo runs ({@link DemoDates}), so they never age out of a
 * lookback window.
 */
@Component
@ConditionalOnProperty(name = "adapter.demo.enabled", havingValue = "true")
class DemoFeeds {
  private static final Logger log = LoggerFactory.getLogger(DemoFeeds.class);
  private static final Duration FEED_DEADLINE = Duration.ofMinutes(2);
  private static final Pattern CLIENT = Pattern.compile("\\{\\{client:([^}]+)}}");

  private final Path enrollmentInbox;
  private final Path adtInbox;
  private final Path claimsInbox;
  private final ProgramDefinitions programs;
  private final PopulationRuns runs;
  private final JobExplorer jobs;
  private final IFhirSystemDao<Bundle, ?> store;
  private final IFhirResourceDao<Patient> patients;
  private final FhirContext fhirContext;
  private final Clock clock;

  DemoFeeds(@Value("${adapter.enrollment.inbox}") String enrollmentInbox,
      @Value("${adapter.adt.inbox:./data/inbox/adt}") String adtInbox,
      @Value("${adapter.claims.inbox}") String claimsInbox, ProgramDefinitions programs, PopulationRuns runs,
      JobExplorer jobs, IFhirSystemDao<Bundle, ?> store, IFhirResourceDao<Patient> patients, FhirContext fhirContext,
      Clock clock) {
    this.enrollmentInbox = Path.of(enrollmentInbox);
    this.adtInbox = Path.of(adtInbox);
    this.claimsInbox = Path.of(claimsInbox);
    this.programs = programs;
    this.runs = runs;
    this.jobs = jobs;
    this.store = store;
    this.patients = patients;
    this.fhirContext = fhirContext;
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
      List<Long> started = new ArrayList<>();
      for (ProgramDefinition program : programs.all()) {
        started.add(runs.start(program, today).getId());
      }
      log.info("Demo: sample feeds recorded and a population run started for each of {} on {}; see README, Demo",
          programs.ids(), today);
      awaitRuns(started);
      for (Resource sample : samples("workflow")) {
        Bundle work = fhirContext.newJsonParser().parseResource(Bundle.class, clients(dates.fill(text(sample))));
        store.transaction(new SystemRequestDetails(), work);
        log.info("Demo: {} recorded ({} resources)", sample.getFilename(), work.getEntry().size());
      }
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

  /**
   * The clients the feeds recorded, by identifier: {@code {{client:system|value}}} becomes "Patient/12", the id a
   * staff member's app would have in hand.
   */
  private String clients(String sample) {
    Matcher client = CLIENT.matcher(sample);
    StringBuilder filled = new StringBuilder();
    while (client.find()) {
      String[] identifier = client.group(1).split("\\|", 2);
      List<IBaseResource> found = patients.search(SearchParameterMap.newSynchronous(Patient.SP_IDENTIFIER,
          new TokenParam(identifier[0], identifier[1])), new SystemRequestDetails()).getAllResources();
      if (found.size() != 1) {
        throw new IllegalStateException("The feeds recorded " + found.size() + " clients for a demo identifier");
      }
      client.appendReplacement(filled, found.get(0).getIdElement().toUnqualifiedVersionless().getValue());
    }
    return client.appendTail(filled).toString();
  }

  /** Enrollments need the determinations, so the agency's work waits for the population runs. */
  private void awaitRuns(List<Long> started) throws InterruptedException {
    Instant deadline = Instant.now().plus(FEED_DEADLINE);
    while (started.stream().map(jobs::getJobExecution).anyMatch(run -> run != null && run.isRunning())
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
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
