package org.casemgmt.adapter.fhirserver.testscript;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.TestScript;
import org.hl7.fhir.r4.model.TestScript.SetupActionAssertComponent;
import org.hl7.fhir.r4.model.TestScript.SetupActionOperationComponent;
import org.hl7.fhir.r4.model.TestScript.TestScriptVariableComponent;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A small FHIR R4 TestScript engine: runs a script's setup, tests and teardown against one FHIR server and says, per
 * test, which asserts failed. One engine runs one script (it keeps the script's fixtures, responses and variables).
 *
 * <p>What it supports: fixtures given inline (contained) or by reference to a file ({@code Type/id} is looked up as
 * {@code fixtures/Type/id.json} beside the script, a reference ending in {@code .json} is a path from the script);
 * operations create, read, vread, update, delete, search, history and capabilities with {@code url}, {@code params},
 * {@code resource}, {@code sourceId}, {@code targetId}, {@code responseId}, {@code accept}, {@code contentType} and
 * {@code requestHeader}; variables from {@code defaultValue}, {@code headerField}, {@code expression} (FHIRPath) or
 * {@code path} (XPath), or given by the tester for variables the script leaves to them (a {@code hint} only); asserts
 * {@code response}, {@code responseCode}, {@code contentType}, {@code resource}, {@code headerField}, {@code requestURL},
 * {@code requestMethod}, {@code expression}, {@code path}, {@code compareToSourceId} with its expression or path,
 * {@code minimumId}, {@code navigationLinks} and {@code validateProfileId}, each with {@code operator}, {@code value} and
 * {@code warningOnly}. Choices where the specification leaves room are written where they are made.
 */
public final class TestScriptEngine {
  private static final String FHIR_NS = "http://hl7.org/fhir";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
  private static final Map<String, Integer> RESPONSE_CODES = Map.ofEntries(Map.entry("okay", 200),
      Map.entry("created", 201), Map.entry("noContent", 204), Map.entry("notModified", 304), Map.entry("bad", 400),
      Map.entry("forbidden", 403), Map.entry("notFound", 404), Map.entry("methodNotAllowed", 405),
      Map.entry("conflict", 409), Map.entry("gone", 410), Map.entry("preconditionFailed", 412),
      Map.entry("unprocessable", 422));

  private final FhirContext fhir;
  private final String base;
  private final Map<String, String> alwaysSent;
  private final FhirValidator validator;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final IFhirPath fhirPath;

  private final Path scriptFolder;
  /** Fixture files found here (by the same relative path) stand in for the script's own; null: none. */
  private final Path fixtureOverrides;
  private final Runnable beforeDelete;
  private final TestScript script;
  private final Map<String, String> testerInputs;
  /** Fixtures and stored responses' resources by id. */
  private final Map<String, IBaseResource> resources = new HashMap<>();
  /** Fixture files as published, by fixture id, with their format: what a create or update sends when it can. */
  private final Map<String, String[]> fixtureFiles = new HashMap<>();
  /** Why a fixture file could not be read as FHIR, by fixture id. */
  private final Map<String, String> unreadableFixtures = new HashMap<>();
  /** Stored responses by responseId. */
  private final Map<String, Exchange> responses = new HashMap<>();
  /** The id the server gave the resource of a fixture that was created or updated from it. */
  private final Map<String, String> serverIds = new HashMap<>();
  private Exchange last;

  /** One request and its response. */
  record Exchange(String method, String url, Map<String, String> requestHeaders, int status,
      Map<String, List<String>> headers, String body, IBaseResource resource) {
    String header(String name) {
      return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
          .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
    }
  }

  /** The outcome of one test (or of the setup or teardown): failed asserts and operations, and warnings. */
  public record Outcome(String id, String name, List<String> failures, List<String> warnings) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** The outcome of a whole script: its setup, each test in order, its teardown. */
  public record ScriptOutcome(Outcome setup, List<Outcome> tests, Outcome teardown) {}

  /** A failed operation or assert. */
  private static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message);
    }
  }

  /**
   * @param headers sent with every request (the caller's Authorization)
   * @param testerInputs values for variables the script leaves to the tester
   * @param validator for validateProfileId asserts
   * @param fixtureOverrides a folder whose fixture files stand in for the script's own of the same relative path
   *     (null: the script's own)
   * @param beforeDelete run before every DELETE, for the server's asynchronous work to settle (so that the answer
   *     does not depend on its timing)
   */
  public TestScriptEngine(FhirContext fhir, String fhirBase, Map<String, String> headers, FhirValidator validator,
      Path scriptFile, Map<String, String> testerInputs, Path fixtureOverrides, Runnable beforeDelete) {
    this.fhir = fhir;
    this.base = fhirBase.replaceAll("/+$", "");
    this.alwaysSent = headers;
    this.validator = validator;
    this.fhirPath = fhir.newFhirPath();
    this.scriptFolder = scriptFile.getParent();
    this.script = (TestScript) parse(read(scriptFile), "json");
    this.testerInputs = testerInputs;
    this.fixtureOverrides = fixtureOverrides;
    this.beforeDelete = beforeDelete;
  }

  public TestScript script() {
    return script;
  }

  /** Runs the script: setup, then every test (none if the setup failed), then the teardown. */
  public ScriptOutcome run() {
    loadFixtures();
    Outcome setup = perform("setup", "setup", script.getSetup().getAction().stream()
        .map(a -> new Step(a.hasOperation() ? a.getOperation() : null, a.hasAssert() ? a.getAssert() : null)).toList());
    List<Outcome> tests = new ArrayList<>();
    for (TestScript.TestScriptTestComponent test : script.getTest()) {
      String id = test.hasId() ? test.getId() : test.getName();
      if (!setup.passed()) {
        tests.add(new Outcome(id, test.getName(), List.of("setup failed: " + setup.failures().get(0)), List.of()));
        continue;
      }
      tests.add(perform(id, test.getName(), test.getAction().stream()
          .map(a -> new Step(a.hasOperation() ? a.getOperation() : null, a.hasAssert() ? a.getAssert() : null))
          .toList()));
    }
    Outcome teardown = perform("teardown", "teardown", script.getTeardown().getAction().stream()
        .map(a -> new Step(a.getOperation(), null)).toList());
    return new ScriptOutcome(setup, tests, teardown);
  }

  private record Step(SetupActionOperationComponent operation, SetupActionAssertComponent check) {}

  /** Runs actions in order; a failed operation or a failed (not warning-only) assert ends the test. */
  private Outcome perform(String id, String name, List<Step> steps) {
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Step step : steps) {
      try {
        if (step.operation() != null) {
          execute(step.operation());
        } else if (step.check() != null) {
          check(step.check());
        }
      } catch (Failure | IllegalArgumentException | IllegalStateException e) {
        String what = (step.operation() != null ? "operation " + describe(step.operation()) : "assert "
            + describe(step.check())) + ": " + e.getMessage();
        if (step.check() != null && step.check().getWarningOnly()) {
          warnings.add(what);
        } else {
          failures.add(what);
          break;
        }
      }
    }
    return new Outcome(id, name, failures, warnings);
  }

  private static String describe(SetupActionOperationComponent op) {
    return op.hasLabel() ? op.getLabel() : op.getType().getCode();
  }

  private static String describe(SetupActionAssertComponent check) {
    return check.hasLabel() ? check.getLabel() : "'" + check.getDescription() + "'";
  }

  // ---- fixtures

  private void loadFixtures() {
    for (TestScript.TestScriptFixtureComponent fixture : script.getFixture()) {
      String reference = fixture.getResource().getReference();
      if (reference.startsWith("#")) {
        resources.put(fixture.getId(), script.getContained().stream()
            .filter(c -> c.getIdElement().getIdPart().equals(reference.substring(1))).findFirst()
            .orElseThrow(() -> new IllegalStateException("No contained fixture " + reference)));
      } else {
        String relative = reference.endsWith(".json") || reference.endsWith(".xml") ? reference
            : "fixtures/" + reference + ".json";
        Path file = fixtureOverrides != null && Files.exists(fixtureOverrides.resolve(relative))
            ? fixtureOverrides.resolve(relative) : scriptFolder.resolve(relative);
        String format = relative.endsWith(".xml") ? "xml" : "json";
        String text = read(file);
        fixtureFiles.put(fixture.getId(), new String[] {text, format});
        try {
          resources.put(fixture.getId(), parse(text, format));
        } catch (DataFormatException e) {
          // Sent as it is where its format is asked for (the server judges it); nothing else can use it.
          unreadableFixtures.put(fixture.getId(), relative + " is not valid FHIR: " + e.getMessage());
        }
      }
      if (fixture.getAutocreate() || fixture.getAutodelete()) {
        throw new IllegalStateException("autocreate/autodelete fixtures are not supported: " + fixture.getId());
      }
    }
  }

  // ---- operations

  private void execute(SetupActionOperationComponent op) {
    String type = op.hasType() ? op.getType().getCode() : "";
    String method = op.hasMethod() ? op.getMethod().toCode().toUpperCase() : switch (type) {
      case "create" -> "POST";
      case "update" -> "PUT";
      case "delete" -> "DELETE";
      case "read", "vread", "search", "history", "capabilities" -> "GET";
      default -> throw new Failure("operation type '" + type + "' is not supported");
    };
    String url = url(op, type);
    String accept = mime(op.hasAccept() ? op.getAccept() : "json");
    String contentType = mime(op.hasContentType() ? op.getContentType() : "json");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    Map<String, String> headers = new LinkedHashMap<>(alwaysSent);
    headers.put("Accept", accept);
    op.getRequestHeader().forEach(h -> headers.put(h.getField(), substitute(h.getValue())));
    String body = null;
    if (method.equals("POST") || method.equals("PUT")) {
      if (!op.hasSourceId()) {
        throw new Failure("a " + type + " needs a sourceId");
      }
      String[] file = fixtureFiles.get(op.getSourceId());
      if (file != null && contentType.contains(file[1])) {
        body = file[0]; // the fixture as published
      } else {
        IBaseResource source = resource(op.getSourceId());
        body = (contentType.contains("xml") ? fhir.newXmlParser() : fhir.newJsonParser())
            .encodeResourceToString(source);
      }
      headers.put("Content-Type", contentType);
    }
    headers.forEach(request::header);
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (method.equals("DELETE")) {
      beforeDelete.run();
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Failure(method + " " + url + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted");
    }
    IBaseResource received = null;
    String responseType = response.headers().firstValue("Content-Type").orElse("");
    if (!response.body().isBlank() && (responseType.contains("json") || responseType.contains("xml"))) {
      try {
        received = parse(response.body(), responseType.contains("xml") ? "xml" : "json");
      } catch (RuntimeException e) {
        received = null; // not a FHIR resource: asserts on it fail
      }
    }
    Map<String, String> sentHeaders = new LinkedHashMap<>(headers);
    sentHeaders.remove("Authorization");
    last = new Exchange(method, url, sentHeaders, response.statusCode(), response.headers().map(), response.body(),
        received);
    if (op.hasResponseId()) {
      responses.put(op.getResponseId(), last);
      if (received != null) {
        resources.put(op.getResponseId(), received);
      }
    }
    if (op.hasSourceId() && response.statusCode() < 300 && (type.equals("create") || type.equals("update"))) {
      String location = last.header("Location") != null ? last.header("Location") : last.header("Content-Location");
      if (location != null) {
        Matcher id = Pattern.compile("([^/]+)/([^/]+)(/_history/[^/]+)?$").matcher(location);
        if (id.find()) {
          serverIds.put(op.getSourceId(), id.group(2));
        }
      }
    }
  }

  /** The request URL: {@code url}, else {@code params} after the resource type, else the target's, else the type's. */
  private String url(SetupActionOperationComponent op, String type) {
    if (op.hasUrl()) {
      String url = substitute(op.getUrl());
      return encode(url.startsWith("http") ? url : base + "/" + url.replaceFirst("^/", ""));
    }
    if (type.equals("capabilities")) {
      return base + "/metadata";
    }
    String resourceType = op.hasResource() ? op.getResource() : null;
    if (op.hasParams()) {
      return encode(base + "/" + Objects.requireNonNull(resourceType, "params without a resource type")
          + substitute(op.getParams()));
    }
    if (op.hasTargetId()) {
      IBaseResource target = resource(op.getTargetId());
      String targetType = resourceType != null ? resourceType : fhir.getResourceType(target);
      String id = serverIds.getOrDefault(op.getTargetId(), target.getIdElement().getIdPart());
      if (id == null) {
        throw new Failure("target " + op.getTargetId() + " has no id");
      }
      String url = base + "/" + targetType + "/" + id;
      return switch (type) {
        case "vread" -> url + "/_history/" + target.getMeta().getVersionId();
        case "history" -> url + "/_history";
        default -> url;
      };
    }
    if (resourceType == null && op.hasSourceId()) {
      resourceType = fhir.getResourceType(resource(op.getSourceId()));
    }
    return base + "/" + Objects.requireNonNull(resourceType, "no resource type") + (type.equals("history")
        ? "/_history" : "");
  }

  /** Percent-encodes what may not stand in a URI as it is (spaces and the like), nothing else. */
  private static String encode(String url) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c > 32 && c < 127 && "\"<>\\^`{|}".indexOf(c) < 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  private static String mime(String format) {
    return switch (format) {
      case "json" -> "application/fhir+json";
      case "xml" -> "application/fhir+xml";
      default -> format;
    };
  }

  // ---- variables

  private String substitute(String text) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(variable(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String variable(String name) {
    TestScriptVariableComponent v = script.getVariable().stream().filter(x -> x.getName().equals(name)).findFirst()
        .orElseThrow(() -> new Failure("no variable " + name));
    if (testerInputs.containsKey(name)) {
      return testerInputs.get(name);
    }
    if (v.hasHeaderField()) {
      Exchange source = v.hasSourceId() ? responses.get(v.getSourceId()) : last;
      String value = source == null ? null : source.header(v.getHeaderField());
      if (value == null) {
        throw new Failure("variable " + name + ": no " + v.getHeaderField() + " header in " + v.getSourceId());
      }
      return value;
    }
    if (v.hasExpression() || v.hasPath()) {
      IBaseResource source = v.hasSourceId() ? resource(v.getSourceId()) : lastResource();
      List<String> values = v.hasExpression() ? fhirPath(source, v.getExpression()) : path(source, v.getPath());
      if (values.isEmpty()) {
        throw new Failure("variable " + name + " has no value in " + v.getSourceId());
      }
      return values.get(0);
    }
    if (v.hasDefaultValue()) {
      return v.getDefaultValue();
    }
    throw new Failure("variable " + name + " is left to the tester and was not given");
  }

  // ---- asserts

  private void check(SetupActionAssertComponent a) {
    boolean onRequest = a.hasDirection() && a.getDirection().toCode().equals("request");
    String operator = a.hasOperator() ? a.getOperator().toCode() : "equals";
    if (a.hasResponse()) {
      int expected = RESPONSE_CODES.getOrDefault(a.getResponse().toCode(), -1);
      compare(status(), List.of(String.valueOf(exchange().status())), "equals", String.valueOf(expected));
    } else if (a.hasResponseCode()) {
      compare(status(), List.of(String.valueOf(exchange().status())), operator, a.getResponseCode());
    } else if (a.hasContentType()) {
      String actual = onRequest ? exchange().requestHeaders().getOrDefault("Content-Type", "")
          : Objects.requireNonNullElse(exchange().header("Content-Type"), "");
      String expected = mime(a.getContentType());
      if (!actual.startsWith(expected)) {
        throw new Failure("Content-Type is '" + actual + "', expected " + expected);
      }
    } else if (a.hasResource()) {
      IBaseResource resource = a.hasSourceId() ? resource(a.getSourceId()) : lastResource();
      compare("resource type", List.of(fhir.getResourceType(resource)), "equals", a.getResource());
    } else if (a.hasHeaderField()) {
      String value = onRequest ? exchange().requestHeaders().entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase(a.getHeaderField())).map(Map.Entry::getValue).findFirst()
          .orElse(null) : exchange(a).header(a.getHeaderField());
      compare(a.getHeaderField() + " header", value == null ? List.of() : List.of(value), operator, valueOf(a));
    } else if (a.hasRequestURL()) {
      compare("request URL", List.of(exchange().url()), operator, substitute(a.getRequestURL()));
    } else if (a.hasRequestMethod()) {
      compare("request method", List.of(exchange().method()), operator, a.getRequestMethod().toCode().toUpperCase());
    } else if (a.hasMinimumId()) {
      IBaseResource actual = a.hasSourceId() ? resource(a.getSourceId()) : lastResource();
      List<String> missing = new ArrayList<>();
      contains(((Resource) resource(a.getMinimumId())), (Resource) actual, missing);
      if (!missing.isEmpty()) {
        throw new Failure("minimum content of " + a.getMinimumId() + " missing: " + String.join(", ", missing));
      }
    } else if (a.hasNavigationLinks()) {
      IBaseResource bundle = a.hasSourceId() ? resource(a.getSourceId()) : lastResource();
      if (!(bundle instanceof Bundle)) {
        throw new Failure("navigationLinks: the response is no Bundle");
      }
      navigationLinks((Bundle) bundle);
    } else if (a.hasValidateProfileId()) {
      validate(a);
    } else if (a.hasExpression() || a.hasPath() || a.hasCompareToSourceId()) {
      IBaseResource actual = a.hasSourceId() ? resource(a.getSourceId()) : lastResource();
      List<String> values;
      if (a.hasExpression()) {
        values = fhirPath(actual, a.getExpression());
      } else if (a.hasPath()) {
        values = path(actual, a.getPath());
      } else {
        // compareToSource* alone: the same expression or path on the response as on the source (a choice)
        values = a.hasCompareToSourceExpression() ? fhirPath(actual, a.getCompareToSourceExpression())
            : path(actual, a.getCompareToSourcePath());
      }
      String expected;
      if (a.hasCompareToSourceId()) {
        IBaseResource source = resource(a.getCompareToSourceId());
        List<String> sourceValues = a.hasCompareToSourceExpression()
            ? fhirPath(source, a.getCompareToSourceExpression()) : path(source, a.getCompareToSourcePath());
        expected = sourceValues.isEmpty() ? null : sourceValues.get(0);
      } else {
        expected = valueOf(a);
      }
      if (expected == null && !a.hasOperator() && a.hasExpression()) {
        compare(a.getExpression(), values, "equals", "true"); // a boolean expression is true
      } else {
        compare(a.hasExpression() ? a.getExpression() : a.getPath(), values, operator, expected);
      }
    } else {
      throw new Failure("assert kind not supported");
    }
  }

  /** "status" and, if the response is an OperationOutcome, what it says (for the reader of a failure). */
  private String status() {
    String said = "";
    if (exchange().resource() instanceof OperationOutcome outcome && outcome.hasIssue()) {
      String diagnostics = outcome.getIssueFirstRep().getDiagnostics();
      said = diagnostics == null ? "" : " [" + diagnostics.substring(0, Math.min(diagnostics.length(), 240)) + "]";
    }
    return "status of " + exchange().method() + " " + exchange().url().replace(base, "") + said;
  }

  private String valueOf(SetupActionAssertComponent a) {
    return a.hasValue() ? substitute(a.getValue()) : null;
  }

  private Exchange exchange() {
    if (last == null) {
      throw new Failure("no response yet");
    }
    return last;
  }

  private Exchange exchange(SetupActionAssertComponent a) {
    return a.hasSourceId() && responses.containsKey(a.getSourceId()) ? responses.get(a.getSourceId()) : exchange();
  }

  private IBaseResource lastResource() {
    if (exchange().resource() == null) {
      throw new Failure("the response (" + exchange().status() + ") has no resource");
    }
    return exchange().resource();
  }

  private IBaseResource resource(String id) {
    IBaseResource resource = resources.get(id);
    if (resource == null && unreadableFixtures.containsKey(id)) {
      throw new Failure("fixture " + id + ": " + unreadableFixtures.get(id));
    }
    if (resource == null) {
      throw new Failure("no fixture or response '" + id + "'");
    }
    return resource;
  }

  /** Compares the first value (or, for empty/notEmpty/in/notIn..., the values) with the expected one. */
  private static void compare(String what, List<String> actualValues, String operator, String expected) {
    String actual = actualValues.isEmpty() ? null : actualValues.get(0);
    boolean ok = switch (operator) {
      case "equals" -> Objects.equals(actual, expected);
      case "notEquals" -> !Objects.equals(actual, expected);
      case "in" -> actual != null && expected != null && List.of(expected.split(",")).contains(actual);
      case "notIn" -> actual == null || expected == null || !List.of(expected.split(",")).contains(actual);
      case "greaterThan" -> actual != null && Double.parseDouble(actual) > Double.parseDouble(expected);
      case "lessThan" -> actual != null && Double.parseDouble(actual) < Double.parseDouble(expected);
      case "empty" -> actualValues.isEmpty() || actual.isEmpty();
      case "notEmpty" -> actual != null && !actual.isEmpty();
      case "contains" -> actual != null && actual.contains(expected);
      case "notContains" -> actual == null || !actual.contains(expected);
      default -> throw new Failure("operator " + operator + " is not supported");
    };
    if (!ok) {
      throw new Failure(what + " is " + (actual == null ? "absent" : "'" + actual + "'") + ", expected " + operator
          + (expected == null ? "" : " '" + expected + "'"));
    }
  }

  private List<String> fhirPath(IBaseResource resource, String expression) {
    return fhirPath.evaluate(resource, expression, Base.class).stream()
        .map(b -> b.isPrimitive() ? b.primitiveValue() : b.fhirType()).toList();
  }

  /**
   * XPath on the resource's XML form ({@code fhir:} names the FHIR namespace). The scripts' {@code Patient/id} (no
   * namespace, no {@code @value}) is read as the FHIRPath {@code Patient.id}: a choice, as the specification's example
   * does not say which language it is in.
   */
  private List<String> path(IBaseResource resource, String xpath) {
    if (!xpath.contains("fhir:") && !xpath.contains("@")) {
      return fhirPath(resource, xpath.replace('/', '.'));
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document xml = factory.newDocumentBuilder()
          .parse(new InputSource(new StringReader(fhir.newXmlParser().encodeResourceToString(resource))));
      XPath evaluator = XPathFactory.newInstance().newXPath();
      evaluator.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
        public String getNamespaceURI(String prefix) {
          return "fhir".equals(prefix) ? FHIR_NS : null;
        }

        public String getPrefix(String uri) {
          return null;
        }

        public java.util.Iterator<String> getPrefixes(String uri) {
          return null;
        }
      });
      NodeList nodes = (NodeList) evaluator.evaluate(xpath, xml, XPathConstants.NODESET);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        values.add(nodes.item(i).getTextContent());
      }
      return values;
    } catch (Exception e) {
      throw new Failure("XPath " + xpath + ": " + e.getMessage());
    }
  }

  /**
   * Every element and value of the minimum resource is in the actual one (a repeating element's every item matches
   * some item of the actual's); ids, meta and narrative are the server's.
   */
  private void contains(Base minimum, Base actual, List<String> missing) {
    for (org.hl7.fhir.r4.model.Property property : minimum.children()) {
      if (!property.hasValues() || List.of("id", "meta", "text").contains(property.getName())) {
        continue;
      }
      org.hl7.fhir.r4.model.Property actualProperty = actual.getNamedProperty(property.getName());
      for (Base wanted : property.getValues()) {
        boolean found = actualProperty != null && actualProperty.getValues().stream().anyMatch(have -> {
          List<String> inner = new ArrayList<>();
          if (wanted.isPrimitive()) {
            return have.isPrimitive() && Objects.equals(wanted.primitiveValue(), have.primitiveValue());
          }
          contains(wanted, have, inner);
          return inner.isEmpty();
        });
        if (!found) {
          missing.add(minimum.fhirType() + "." + property.getName()
              + (wanted.isPrimitive() ? "=" + wanted.primitiveValue() : ""));
        }
      }
    }
  }

  /**
   * The specification leaves "correct navigation links" undefined; this engine requires a {@code self} link and, when
   * the page does not hold every match the Bundle's total counts, a {@code next} link (http.html#paging).
   */
  private static void navigationLinks(Bundle bundle) {
    if (bundle.getLink("self") == null) {
      throw new Failure("no self link");
    }
    if (bundle.hasTotal() && bundle.getTotal() > bundle.getEntry().size() && bundle.getLink("next") == null) {
      throw new Failure("total " + bundle.getTotal() + " > " + bundle.getEntry().size() + " entries, but no next link");
    }
  }

  /** Validates the resource against the profile the script names, with the server's own validation support. */
  private void validate(SetupActionAssertComponent a) {
    String profile = script.getProfile().stream()
        .filter(p -> p.getId().equals(a.getValidateProfileId())).map(p -> p.getReference())
        .findFirst().orElseThrow(() -> new Failure("no profile " + a.getValidateProfileId()));
    IBaseResource resource = a.hasSourceId() ? resource(a.getSourceId()) : lastResource();
    List<String> errors = validator.validateWithResult(resource, new ValidationOptions().addProfile(profile))
        .getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage()).collect(Collectors.toList());
    if (!errors.isEmpty()) {
      throw new Failure("not valid against " + profile + ": " + String.join("; ", errors));
    }
  }

  // ---- parsing

  private IBaseResource parse(String text, String format) {
    IParser parser = format.equals("xml") ? fhir.newXmlParser() : fhir.newJsonParser();
    return parser.parseResource(text);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
