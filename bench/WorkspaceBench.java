import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the coordinators' workspace (run by bench/workspace.sh; needs only a JDK and chromedriver), in steps
 * the script runs against one store:
 * <ul>
 *   <li>{@code load}: a case manager's caseload of clients, each with a diagnosis, psychiatric stays (every fifth
 *       discharged three days ago), a crisis episode for every fourth, Medicaid coverage (every tenth ending in 12
 *       days), a goal and an approved, active ISP due for review within 60 days, and a care team naming the case
 *       manager; then a population run of every program (one today, two 40 days ago, as between runs), so the
 *       worklist has determinations to read. One more
 *       client on the caseload has a long record: stays, emergencies, crises, contacts, diagnoses and coverage spans
 *       (the timeline's items), a Provenance per five of them and a PHQ-9 total every month.</li>
 *   <li>{@code browse}: headless Chromium (through chromedriver's WebDriver protocol) logs in as the case manager,
 *       then loads the worklist and the long record again and again. The browser's own timings: first contentful
 *       paint, the moment the page's content is rendered (the page notes it), and every /fhir request's time to
 *       first byte (Resource Timing), which on loopback is the server's time. Prints p50/p95/max of each.</li>
 * </ul>
 * Usage: java WorkspaceBench.java load BASE_URL [clients=200] [items=500]
 *        java WorkspaceBench.java browse BASE_URL CHROMEDRIVER_URL USER PASSWORD [loads=20]
 */
public class WorkspaceBench {
  private static final String KIND = "https://fhir.casemgmt-adapter.org/CodeSystem/encounter-kind";
  private static final String CM = "https://fhir.casemgmt-adapter.org/CodeSystem/case-management";
  private static final String SD = "https://fhir.casemgmt-adapter.org/StructureDefinition/";
  private static final Pattern LOCATION = Pattern.compile("\"location\"\\s*:\\s*\"(Patient/[^/\"]+)");
  private static final LocalDate TODAY = LocalDate.now();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token = System.getenv("BENCH_TOKEN");

  WorkspaceBench(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    WorkspaceBench bench = new WorkspaceBench(args[1]);
    if (args[0].equals("load")) {
      bench.load(args.length > 2 ? Integer.parseInt(args[2]) : 200, args.length > 3 ? Integer.parseInt(args[3]) : 500);
    } else {
      bench.browse(args[2], args[3], args[4], args.length > 5 ? Integer.parseInt(args[5]) : 20);
    }
  }

  // ---- load ----

  void load(int clients, int items) throws Exception {
    long start = System.nanoTime();
    send("PUT", "/fhir/Practitioner/bench-cm", """
        {"resourceType":"Practitioner","id":"bench-cm","active":true,"name":[{"family":"Okafor","given":["Jordan"]}]}""");
    for (int first = 0; first < clients; first += 10) {
      int last = Math.min(clients, first + 10);
      List<String> patients = patients(first, last);
      StringBuilder entries = new StringBuilder();
      for (int c = first; c < last; c++) {
        client(entries, patients.get(c - first), c);
      }
      send("POST", "/fhir", transaction(entries));
    }
    String longRecord = longRecord(items);
    System.out.printf("loaded a caseload of %d clients and one of %d timeline items in %.0f s%n", clients + 1, items,
        (System.nanoTime() - start) / 1e9);
    long runs = System.nanoTime();
    // A caseload between runs: one program's determinations made today, the others' 40 days ago (still valid).
    send("POST", "/admin/eligibility/runs?program=claims-driven-tailored&date=" + TODAY, null);
    for (String program : List.of("smi-functional-impairment", "smi-target-population")) {
      send("POST", "/admin/eligibility/runs?program=" + program + "&date=" + TODAY.minusDays(40), null);
    }
    for (String body = ""; body.split("\"status\":\"COMPLETED\"", -1).length - 1 < 3; Thread.sleep(500)) {
      body = send("GET", "/admin/eligibility/runs", null);
      if (body.contains("\"status\":\"FAILED\"")) {
        throw new IllegalStateException("a population run failed: " + body);
      }
    }
    System.out.printf("population runs of 3 programs: %.0f s; the long record is %s%n",
        (System.nanoTime() - runs) / 1e9, longRecord);
  }

  /**
   * The clients first, in a transaction of their own: the workflow assigns a case manager only to a client whose
   * approved ISP it can find, which it cannot while the client is still a urn:uuid of the same transaction.
   */
  private List<String> patients(int first, int last) throws Exception {
    StringBuilder entries = new StringBuilder();
    for (int c = first; c < last; c++) {
      add(entries, uuid(), patientJson(c));
    }
    Matcher created = LOCATION.matcher(send("POST", "/fhir", transaction(entries)));
    List<String> ids = new ArrayList<>();
    while (created.find()) {
      ids.add(created.group(1));
    }
    return ids;
  }

  /** One client of the caseload and the records that give the worklist its reasons. */
  private static void client(StringBuilder entries, String patient, int c) {
    add(entries, uuid(), condition(patient, "F20.9", TODAY.minusDays(400)));
    add(entries, uuid(), encounter(patient, "psychiatric-inpatient", TODAY.minusDays(400), TODAY.minusDays(392)));
    LocalDate discharged = c % 5 == 0 ? TODAY.minusDays(3) : TODAY.minusDays(200);
    add(entries, uuid(), encounter(patient, "psychiatric-inpatient", discharged.minusDays(9), discharged));
    if (c % 4 == 1) {
      add(entries, uuid(), encounter(patient, "crisis-service", TODAY.minusDays(5), null));
    }
    add(entries, uuid(), coverage(patient, TODAY.minusDays(500), c % 10 == 2 ? TODAY.plusDays(12) : null));
    plan(entries, patient, c % 60);
  }

  /** A goal, the ISP the client approved (active, due for review in some days) and the case manager's team. */
  private static void plan(StringBuilder entries, String patient, int reviewInDays) {
    String goal = uuid();
    add(entries, goal, """
        {"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"I want my own apartment."},
         "subject":{"reference":"%s"},"startDate":"%s","expressedBy":{"reference":"%s"},
         "target":[{"measure":{"text":"Nights housed, last 30 days"},"detailQuantity":{"value":30,"unit":"nights"},
                    "dueDate":"%s"}]}""".formatted(patient, TODAY.minusDays(60), patient, TODAY.plusDays(120)));
    add(entries, uuid(), """
        {"resourceType":"CarePlan","meta":{"profile":["%sisp"]},
         "extension":[{"url":"%sisp-approval","extension":[{"url":"approver","valueReference":{"reference":"%s"}},
                       {"url":"date","valueDateTime":"%sT10:30:00Z"}]}],
         "status":"active","intent":"plan","title":"Individualized Service Plan",
         "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]},
                     {"coding":[{"system":"%s","code":"isp"}]}],
         "subject":{"reference":"%s"},"period":{"start":"%s","end":"%s"},
         "contributor":[{"reference":"%s"}],"goal":[{"reference":"%s"}]}""".formatted(SD, SD, patient,
        TODAY.minusDays(60), CM, patient, TODAY.minusDays(60), TODAY.plusDays(reviewInDays), patient, goal));
    add(entries, uuid(), """
        {"resourceType":"CareTeam","status":"active","subject":{"reference":"%s"},"period":{"start":"%s"},
         "participant":[{"role":[{"coding":[{"system":"%s","code":"case-manager"}]}],
                         "member":{"reference":"Practitioner/bench-cm"}}]}""".formatted(patient,
        TODAY.minusDays(60), CM));
  }

  /**
   * The client with a long record, on the caseload too: items spread over ten years, in transactions of 50, each
   * five items named by one Provenance as a feed's message would; a PHQ-9 total each month. Returns its id.
   */
  private String longRecord(int items) throws Exception {
    String client = patients(99_999, 100_000).get(0);
    StringBuilder plan = new StringBuilder();
    plan(plan, client, 45);
    send("POST", "/fhir", transaction(plan));
    String[] kinds = {"psychiatric-inpatient", "psychiatric-emergency", "crisis-service", null, "state-psychiatric-hospital"};
    for (int firstItem = 0; firstItem < items; firstItem += 50) {
      StringBuilder entries = new StringBuilder();
      List<String> named = new ArrayList<>();
      for (int i = firstItem; i < Math.min(items, firstItem + 50); i++) {
        LocalDate day = TODAY.minusDays(3650L * (items - i) / items);
        String item = uuid();
        named.add(item);
        switch (i % 10) {
          case 0, 1, 2, 3, 4 -> add(entries, item, kinds[i % 5] == null
              ? contact(client, day) : encounter(client, kinds[i % 5], day, i % 5 == 0 || i % 5 == 4
                  ? day.plusDays(6) : null));
          case 5, 6, 7, 8 -> add(entries, item, condition(client, i % 2 == 0 ? "F20.0" : "F31.2", day));
          default -> add(entries, item, coverage(client, day, day.plusDays(300)));
        }
        if (named.size() == 5) {
          add(entries, uuid(), provenance(named));
          named.clear();
        }
      }
      send("POST", "/fhir", transaction(entries));
    }
    StringBuilder scores = new StringBuilder();
    for (int month = 0; month < 36; month++) {
      add(scores, uuid(), """
          {"resourceType":"Observation","status":"final","category":[{"coding":[{"system":
           "http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]}],
           "code":{"coding":[{"system":"http://loinc.org","code":"44261-6"}]},"subject":{"reference":"%s"},
           "effectiveDateTime":"%s","valueInteger":%d}""".formatted(client, TODAY.minusMonths(36 - month),
          (month * 7) % 25));
    }
    send("POST", "/fhir", transaction(scores));
    return client;
  }

  private static String patientJson(int c) {
    return """
        {"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.840.1.113883.4.927","value":"BWS%06d"}],
         "name":[{"family":"Client%d","given":["Alex"]}],"gender":"%s","birthDate":"19%02d-0%d-1%d",
         "address":[{"line":["%d Main St"],"city":"Springfield","district":"Sangamon","state":"IL","postalCode":"62701"}]}"""
        .formatted(c, c, c % 2 == 0 ? "female" : "male", 50 + c % 40, 1 + c % 9, c % 10, c);
  }

  private static String encounter(String patient, String kind, LocalDate start, LocalDate end) {
    return """
        {"resourceType":"Encounter","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode",
         "code":"%s"},"type":[{"coding":[{"system":"%s","code":"%s"}]}],"subject":{"reference":"%s"},
         "period":{"start":"%sT10:00:00Z"%s}}""".formatted(kind.contains("inpatient") || kind.contains("hospital")
        ? "IMP" : "EMER", KIND, kind, patient, start, end == null ? "" : ",\"end\":\"" + end + "T15:00:00Z\"");
  }

  private static String contact(String patient, LocalDate day) {
    return """
        {"resourceType":"Encounter","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode",
         "code":"FLD","display":"field"},"subject":{"reference":"%s"},"period":{"start":"%sT12:00:00Z"}}"""
        .formatted(patient, day);
  }

  private static String condition(String patient, String code, LocalDate onset) {
    return """
        {"resourceType":"Condition","clinicalStatus":{"coding":[{"system":
         "http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
         "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"%s"}]},"subject":{"reference":"%s"},
         "onsetDateTime":"%s"}""".formatted(code, patient, onset);
  }

  private static String coverage(String patient, LocalDate start, LocalDate end) {
    return """
        {"resourceType":"Coverage","status":"active","type":{"coding":[{"system":"https://nahdo.org/sopt","code":"2"}]},
         "beneficiary":{"reference":"%s"},"payor":[{"display":"Illinois Medicaid"}],
         "period":{"start":"%s"%s}}""".formatted(patient, start, end == null ? "" : ",\"end\":\"" + end + "\"");
  }

  private static String provenance(List<String> targets) {
    StringBuilder refs = new StringBuilder();
    targets.forEach(t -> refs.append(refs.length() == 0 ? "" : ",").append("{\"reference\":\"").append(t).append("\"}"));
    return """
        {"resourceType":"Provenance","target":[%s],"recorded":"%sT08:00:00Z",
         "activity":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-DataOperation","code":"CREATE"}]},
         "agent":[{"who":{"display":"Benchmark feed"}}],
         "entity":[{"role":"source","what":{"identifier":{"value":"BENCH-%s"}}}]}""".formatted(refs, TODAY,
        UUID.randomUUID().toString().substring(0, 8));
  }

  private static void add(StringBuilder entries, String fullUrl, String resource) {
    String type = resource.replaceAll("(?s)^\\s*\\{\"resourceType\":\"([A-Za-z]+)\".*", "$1");
    entries.append(entries.length() == 0 ? "" : ",").append("{\"fullUrl\":\"").append(fullUrl)
        .append("\",\"resource\":").append(resource).append(",\"request\":{\"method\":\"POST\",\"url\":\"")
        .append(type).append("\"}}");
  }

  private static String transaction(StringBuilder entries) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
  }

  private static String uuid() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  private String send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + " " + answer.body());
    }
    return answer.body();
  }

  // ---- browse ----

  void browse(String driver, String user, String password, int loads) throws Exception {
    WebDriver browser = new WebDriver(http, driver);
    try {
      browser.open(base + "/workspace/");
      browser.await("document.getElementById('log-in')");
      browser.script("document.getElementById('log-in').click()");
      browser.await("document.getElementById('username')");
      browser.script("document.getElementById('username').value = arguments[0];"
          + "document.getElementById('password').value = arguments[1];"
          + "document.querySelector('button[type=submit]').click()", user, password);
      browser.await("document.querySelector('main[data-ready=true] table.worklist')");
      String worklistUrl = base + "/workspace/";
      String longRecord = browser.script("const rows = [...document.querySelectorAll('table.worklist tbody tr')];"
          + "return rows.length + ' ' + rows.find(r => r.textContent.includes('Client99999')).dataset.client");
      String[] found = longRecord.split(" ");
      System.out.printf("worklist of %s clients; the long record is Patient/%s; reasons shown: %s%n", found[0],
          found[1], browser.script("const text = document.querySelector('table.worklist').innerText;"
              + "return ['Discharged', 'Crisis', 'Newly eligible', 'Coverage ends', 'ISP review', 'Follow-up']"
              + ".map(kind => kind + ' ' + (text.split(kind).length - 1)).join(', ')"));
      Timings worklist = new Timings("worklist");
      Timings record = new Timings("client record");
      for (int load = 0; load <= loads; load++) {
        // The first load of each page warms the JIT and the browser's cache of the page's own files: not counted.
        worklist.add(pageLoad(browser, worklistUrl, "table.worklist"), load > 0);
        record.add(pageLoad(browser, base + "/workspace/#/client/" + found[1], "#timeline svg"), load > 0);
      }
      worklist.print();
      System.out.println("  one at a time: " + oneAtATime(browser, worklistUrl, "table.worklist", loads));
      System.out.println("  one load, ms since navigation: " + waterfall(browser, worklistUrl, "table.worklist"));
      record.print();
      System.out.println("  one at a time: " + oneAtATime(browser, base + "/workspace/#/client/" + found[1],
          "#timeline svg", loads));
      System.out.println("record: " + browser.script("return document.querySelectorAll('#timeline tbody tr').length")
          + " rows in the timeline's table");
    } finally {
      browser.quit();
    }
  }

  /** One navigation to the page until its content is rendered: the browser's timings, as JSON-ish text. */
  private static String pageLoad(WebDriver browser, String url, String content) throws Exception {
    browser.open("about:blank");
    browser.open(url);
    browser.await("document.querySelector('main[data-ready=true] " + content + "')");
    return browser.script("""
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const fhir = performance.getEntriesByType('resource').filter(r => r.name.includes('/fhir/'));
        return [Math.round(paint ? paint.startTime : -1), document.querySelector('main').dataset.renderedAt,
          fhir.length, ...fhir.map(r => r.name.replace(/^.*\\/fhir\\/([^?]*).*$/, '$1').replace(/[^A-Za-z$/-]/g, '')
            + '=' + Math.round(r.responseStart - r.requestStart))].join(' ');""");
  }

  /**
   * The same requests the page made, sent again one after the other from the page (its token, its browser), so none
   * waits for a core another holds: the server's own time per request, p50/p95/max over the rounds.
   */
  private static String oneAtATime(WebDriver browser, String url, String content, int rounds) throws Exception {
    pageLoad(browser, url, content);
    return browser.script("""
        const done = arguments[arguments.length - 1];
        const urls = performance.getEntriesByType('resource').map(r => r.name).filter(name => name.includes('/fhir/'));
        const token = JSON.parse(sessionStorage.getItem('workspace.token')).accessToken;
        (async () => {
          const times = [];
          for (let round = 0; round < %d; round++) {
            for (const url of urls) {
              const started = performance.now();
              const answer = await fetch(url, {headers: {Authorization: 'Bearer ' + token, Accept: 'application/fhir+json'}});
              await answer.text();
              times.push(performance.now() - started);
            }
          }
          times.sort((a, b) => a - b);
          const at = q => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
          done(`${urls.length} requests x %d rounds: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms, `
            + `${Math.round(times.reduce((a, b) => a + b, 0) / %d)} ms a round`);
        })();""".formatted(rounds, rounds, rounds), true);
  }

  /** Where one load of the page spends its time: each request's start and end since navigation, then the render. */
  private static String waterfall(WebDriver browser, String url, String content) throws Exception {
    pageLoad(browser, url, content);
    return browser.script("""
        return performance.getEntriesByType('resource').filter(r => !r.name.includes('.js') && !r.name.includes('.css'))
          .map(r => r.name.replace(/^https?:\\/\\/[^/]+/, '').replace(/\\?.*$/, '') + ' ' + Math.round(r.startTime)
            + '-' + Math.round(r.responseEnd)).join('; ') + '; rendered ' + document.querySelector('main').dataset.renderedAt;""");
  }

  /** A page's timings over the loads: first contentful paint, content rendered, each /fhir request. */
  static class Timings {
    final String page;
    final List<Double> paint = new ArrayList<>();
    final List<Double> rendered = new ArrayList<>();
    final List<Double> requests = new ArrayList<>();
    /** Each request's time by what it asked for (its path without the query: a type, an operation). */
    final Map<String, List<Double>> byPath = new TreeMap<>();
    int requestsPerLoad;

    Timings(String page) {
      this.page = page;
    }

    void add(String measured, boolean counted) {
      String[] values = measured.split(" ");
      if (!counted) {
        return;
      }
      paint.add(Double.parseDouble(values[0]));
      rendered.add(Double.parseDouble(values[1]));
      requestsPerLoad = Integer.parseInt(values[2]);
      for (int i = 3; i < values.length; i++) {
        String[] request = values[i].split("=");
        requests.add(Double.parseDouble(request[1]));
        byPath.computeIfAbsent(request[0], path -> new ArrayList<>()).add(Double.parseDouble(request[1]));
      }
    }

    void print() {
      System.out.printf("%s, %d loads: first contentful paint %s; content rendered %s; %d /fhir requests a load,"
              + " server time (time to first byte) %s%n", page, paint.size(), stats(paint), stats(rendered),
          requestsPerLoad, stats(requests));
      byPath.forEach((path, times) -> System.out.printf("  %s: %d requests, %s%n", path, times.size(), stats(times)));
    }

    private static String stats(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      return "p50 %.0f ms, p95 %.0f ms, max %.0f ms".formatted(at(sorted, 0.5), at(sorted, 0.95),
          sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double quantile) {
      return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
  }

  /** Just enough of the W3C WebDriver protocol (chromedriver) to open pages and run scripts in them. */
  static class WebDriver {
    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("(?s)^\\{\\s*\"value\"\\s*:\\s*(.*)\\}\\s*$");
    private final HttpClient http;
    private final String session;

    WebDriver(HttpClient http, String driver) throws Exception {
      this.http = http;
      String created = post(driver + "/session", """
          {"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"binary":"/usr/bin/chromium",
           "args":["--headless=new","--no-sandbox","--disable-dev-shm-usage","--window-size=1280,1000"]}}}}""");
      Matcher id = SESSION.matcher(created);
      if (!id.find()) {
        throw new IllegalStateException("chromedriver made no session: " + created);
      }
      this.session = driver + "/session/" + id.group(1);
      post(session + "/timeouts", "{\"script\":600000}");
    }

    void open(String url) throws Exception {
      post(session + "/url", "{\"url\":\"" + url + "\"}");
    }

    /** Runs the script with string arguments; its value as text (a JSON string's content, or the JSON). */
    String script(String script, String... args) throws Exception {
      return script(script, false, args);
    }

    /** An async script ends by calling its last argument with its value. */
    String script(String script, boolean async, String... args) throws Exception {
      StringBuilder list = new StringBuilder();
      for (String arg : args) {
        list.append(list.length() == 0 ? "" : ",").append(json(arg));
      }
      String answer = post(session + "/execute/" + (async ? "async" : "sync"), "{\"script\":" + json(script)
          + ",\"args\":[" + list + "]}");
      Matcher value = VALUE.matcher(answer);
      String raw = value.find() ? value.group(1).trim() : answer;
      return raw.startsWith("\"") ? raw.substring(1, raw.length() - 1).replace("\\\"", "\"") : raw;
    }

    /** Waits up to a minute for the expression to be truthy. */
    void await(String expression) throws Exception {
      for (int i = 0; i < 1200; i++) {
        if (script("return !!(" + expression + ")").equals("true")) {
          return;
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("the page never showed " + expression + ": "
          + script("return document.body.innerText"));
    }

    void quit() throws Exception {
      http.send(HttpRequest.newBuilder(URI.create(session)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String post(String url, String body) throws Exception {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("chromedriver answered " + answer.statusCode() + " " + answer.body());
      }
      return answer.body();
    }

    private static String json(String text) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
  }
}
