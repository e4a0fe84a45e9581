package org.casemgmt.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * Micro-benchmark: validations per second of the package's example client, hospitalization and diagnosis through
 * {@link ImplementationGuide#errors}, the call the adapter makes on every write. Not part of the test suite (the name
 * does not match Surefire's patterns); run it with
 * <pre>./mvnw -B -o -pl fhir-profiles -am test -Dtest=ValidationBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * and read target/surefire-reports/org.casemgmt.profiles.ValidationBenchmark-output.txt. Optional system properties:
 * bench.warmupSeconds (default 20), bench.seconds (10), bench.threads (2), bench.module ({@code hapi} measures HAPI's
 * own FhirInstanceValidator on the same support chain, for comparison with {@link ReusingInstanceValidator}).
 */
class ValidationBenchmark {
  private static final Path EXAMPLES = Path.of("src/main/fhir/package/example");
  private static final String[] FILES = {
      "Patient-client-example.json", "Encounter-hospitalization-example.json", "Condition-diagnosis-example.json"};

  @Test
  void validationsPerSecond() throws Exception {
    int warmup = Integer.getInteger("bench.warmupSeconds", 20);
    int seconds = Integer.getInteger("bench.seconds", 10);
    int threads = Integer.getInteger("bench.threads", 2);
    FhirContext fhirContext = FhirContext.forR4Cached();
    long startup = System.nanoTime();
    ImplementationGuide guide = new ImplementationGuide(fhirContext);
    Function<IBaseResource, List<SingleValidationMessage>> errors = guide::errors;
    if ("hapi".equals(System.getProperty("bench.module"))) {
      FhirValidator hapi = fhirContext.newValidator();
      hapi.registerValidatorModule(new FhirInstanceValidator(guide.validationSupport()));
      errors = resource -> hapi.validateWithResult(resource).getMessages().stream()
          .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
    }
    System.out.println("validator module: " + System.getProperty("bench.module", "ImplementationGuide's"));
    List<IBaseResource> examples = new ArrayList<>();
    for (String file : FILES) {
      examples.add(fhirContext.newJsonParser().parseResource(Files.readString(EXAMPLES.resolve(file))));
    }
    for (IBaseResource example : examples) {
      assertThat(errors.apply(example)).isEmpty();
    }
    System.out.printf("guide built and first validations done in %.1f s%n", (System.nanoTime() - startup) / 1e9);

    run(errors, examples, threads, warmup);
    System.out.printf("after %d s of warm-up on %d thread(s), %d cores:%n",
        warmup, threads, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < examples.size(); i++) {
      double perSecond = run(errors, List.of(examples.get(i)), threads, seconds);
      System.out.printf("  %-40s %8.0f validations/s (%.2f ms each per thread)%n",
          FILES[i], perSecond, threads * 1000 / perSecond);
    }
    double mixed = run(errors, examples, threads, seconds);
    System.out.printf("  %-40s %8.0f validations/s%n", "all three in turn", mixed);
    System.gc();
    System.out.printf("heap used after System.gc(): %d MiB%n",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
  }

  /** Validates the resources in turn on each thread for the given time; returns validations per second. */
  private static double run(Function<IBaseResource, List<SingleValidationMessage>> errors,
      List<IBaseResource> resources, int threads, int seconds)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> counts = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      counts.add(pool.submit(() -> {
        long count = 0;
        while (!stop.get()) {
          IBaseResource resource = resources.get((int) (count % resources.size()));
          if (!errors.apply(resource).isEmpty()) {
            throw new IllegalStateException("example became invalid: " + resource.getIdElement());
          }
          count++;
        }
        return count;
      }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return total / elapsed;
  }
}
