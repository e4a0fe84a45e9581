package org.casemgmt.adapter.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code adapter/target/adapter.jar}) started as a new user would start it, in a folder of the
 * test's choosing. Start-up is awaited by polling the readiness endpoint against a deadline, never by sleeping.
 */
public final class AdapterProcess implements AutoCloseable {
  /** Arguments that give the service an administrator client, as a deployment names its callers. */
  public static final List<String> OPERATOR = List.of("--adapter.security.clients[0].id=it-operator",
      "--adapter.security.clients[0].secret=it-operator-secret", "--adapter.security.clients[0].role=admin",
      "--adapter.security.clients[0].scopes[0]=system/*.cruds");
  private static final Duration START_DEADLINE = Duration.ofMinutes(4);

  private final Process process;
  private final Path log;
  private final int port;

  private AdapterProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The jar run by the JVM that runs the tests. */
  public static AdapterProcess start(Path workDir, String... arguments) throws IOException, InterruptedException {
    return start(workDir, new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", packagedJar().toString()), arguments);
  }

  /**
   * The jar run by the README's launcher ({@code bin/adapter}), given as {@code jar}: the launcher keeps its extracted
   * copy and AOT cache next to it.
   */
  public static AdapterProcess launch(Path workDir, Path jar, String... arguments)
      throws IOException, InterruptedException {
    ProcessBuilder launcher = new ProcessBuilder(property("adapter.launcher").toString());
    launcher.environment().put("ADAPTER_JAR", jar.toString());
    return start(workDir, launcher, arguments);
  }

  /**
   * The packaged jar as a build of its own in the folder ({@code build/adapter.jar}, a link), so that the launcher's
   * extracted copy and AOT cache start from nothing there.
   */
  public static Path ownBuild(Path folder) throws IOException {
    return Files.createSymbolicLink(Files.createDirectories(folder.resolve("build")).resolve("adapter.jar"),
        packagedJar());
  }

  public static Path packagedJar() {
    return property("adapter.jar");
  }

  private static Path property(String name) {
    String file = System.getProperty(name);
    if (file == null || !Files.isRegularFile(Path.of(file))) {
      throw new IllegalStateException(name + " system property must name a file (see the failsafe plugin), was: "
          + file);
    }
    return Path.of(file);
  }

  private static AdapterProcess start(Path workDir, ProcessBuilder builder, String... arguments)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(builder.command());
    command.add("--server.port=" + port);
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(workDir.getParent(), "adapter-", ".log");
    Process process = builder.command(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    AdapterProcess adapter = new AdapterProcess(process, log, port);
    adapter.awaitHealthy();
    return adapter;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  /** A token of the {@link #OPERATOR} client. */
  public String operatorToken() {
    return Tokens.client(baseUrl(), "it-operator", "it-operator-secret", null);
  }

  /** A FHIR client of the {@link #OPERATOR} client. */
  public IGenericClient fhirClient() {
    FhirContext fhirContext = FhirContext.forR4Cached();
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    // The first writes after start-up warm the validator up; on a busy 2-core machine that outlasts HAPI's 10 s.
    fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = fhirContext.newRestfulGenericClient(baseUrl() + "/fhir");
    client.registerInterceptor(new BearerTokenAuthInterceptor(operatorToken()));
    return client;
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The adapter exited during start-up:\n" + output());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling until the deadline
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    close();
    throw new IllegalStateException("The adapter was not healthy within " + START_DEADLINE + ":\n" + output());
  }

  /** Kills the service the way a crash or {@code kill -9} does (SIGKILL): no shutdown work runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /**
   * Stops the service the way an operator would (SIGTERM), so it shuts down cleanly; the launcher's training run writes
   * its AOT cache then (about 40 s on 2 cores).
   */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
