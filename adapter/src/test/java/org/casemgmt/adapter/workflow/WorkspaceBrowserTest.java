package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.careplan.Isps;
import org.casemgmt.adapter.security.SecurityFixture;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coordinators' workspace in a real browser (Debian's headless Chromium, driven by chromedriver): a case
 * manager logs in through the embedded issuer, sees their caseload ordered by what needs action, opens a client's
 * record (timeline, eligibility with its evidence), fills a PHQ-9 and activates an ISP, and cannot open a client
 * outside their caseload. axe-core checks every screen; each screen is saved as a screenshot
 * ({@code target/screenshots}, or the folder {@code -Dworkspace.screenshots} names: the README's are made so).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBrowserTest extends WorkflowTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private WebDriver browser;
  private String admitted;
  private String crisis;
  private String coverageEnding;
  private String quiet;
  private String notMine;

  @BeforeAll
  void caseloadAndBrowser() {
    staff();
    SecurityFixture fixture = new SecurityFixture(fhir());
    quiet = fixture.clientOnCaseload();
    coverageEnding = fixture.clientOnCaseload();
    fixture.coverage(coverageEnding, today.plusDays(12));
    crisis = fixture.clientOnCaseload();
    episode(crisis, "crisis-service", today.minusDays(1));
    admitted = fixture.clientOnCaseload();
    Encounter stay = fhir().read().resource(Encounter.class).withUrl(episode(admitted, "psychiatric-inpatient",
        today.minusDays(2))).execute();
    stay.setStatus(Encounter.EncounterStatus.INPROGRESS).getPeriod().setEnd(null);
    stay.setHospitalization(null);
    fhir().update().resource(stay).execute();
    fixture.diagnosis(admitted, "F20.9");
    medicaid(admitted);
    episode(admitted, "psychiatric-inpatient", today.minusMonths(4));
    evaluateEligibility(admitted, null);
    String goal = create(Isps.goal(admitted));
    create(Isps.draft(admitted, List.of(goal)).setTitle("Plan to review"));
    notMine = fixture.client();
    // The guide's example ISP was due for review in mid 2026: these clients' plans are reviewed in three months.
    for (String client : List.of(quiet, coverageEnding, crisis, admitted)) {
      CarePlan plan = single(CarePlan.class, "CarePlan?subject=" + client + "&status=active");
      plan.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(today.plusMonths(3).toString()));
      fhir().update().resource(plan).execute();
    }

    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCaseManagerWorksTheirCaseloadInTheBrowser() throws Exception {
    browser.get("http://127.0.0.1:" + port + "/workspace/");
    waitFor(By.id("log-in")).click();
    waitFor(By.id("username")).sendKeys("test-cm");
    browser.findElement(By.id("password")).sendKeys("test-cm-password");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    waitFor(By.cssSelector("table.worklist tbody tr"));
    List<String> order = browser.findElements(By.cssSelector("table.worklist tbody tr")).stream()
        .map(row -> "Patient/" + row.getAttribute("data-client")).toList();
    assertThat(order).contains(admitted, crisis, coverageEnding, quiet).doesNotContain(notMine);
    String worklist = browser.findElement(By.cssSelector("table.worklist")).getText();
    assertThat(order.indexOf(admitted)).as(worklist).isLessThan(order.indexOf(crisis));
    assertThat(order.indexOf(crisis)).as(worklist).isLessThan(order.indexOf(coverageEnding));
    assertThat(order.indexOf(coverageEnding)).as(worklist).isLessThan(order.indexOf(quiet));
    assertThat(row(admitted).getText()).contains("Admitted to a psychiatric hospital on " + today.minusDays(2));
    assertThat(row(crisis).getText()).contains("Crisis service on " + today.minusDays(1));
    assertThat(row(coverageEnding).getText()).contains("Coverage ends " + today.plusDays(12));
    assertThat(row(quiet).getText()).contains("Nothing due");
    accessible("worklist");
    screenshot("worklist");

    row(admitted).findElement(By.tagName("a")).click();
    waitFor(By.cssSelector("#timeline svg"));
    assertThat(browser.findElement(By.cssSelector("#timeline table")).getText())
        .contains("psychiatric inpatient").contains("F20.9");
    assertThat(browser.findElements(By.cssSelector("#timeline svg .item.stays"))).hasSize(2);
    WebElement determination = waitFor(By.cssSelector("#eligibility article.determination"));
    assertThat(determination.findElement(By.tagName("h3")).getText()).startsWith("Eligible for");
    assertThat(determination.findElement(By.tagName("table")).getText()).contains("met");
    // Its evidence links to the stays it counted, listed in the timeline.
    List<WebElement> evidence = determination.findElements(By.cssSelector("ul.evidence a"));
    assertThat(evidence).extracting(WebElement::getText).anyMatch(link -> link.startsWith("psychiatric-inpatient"));
    String stayRow = evidence.stream().filter(link -> link.getText().startsWith("psychiatric-inpatient")).findFirst()
        .orElseThrow().getAttribute("href");
    assertThat(browser.findElements(By.id(stayRow.substring(stayRow.indexOf('#') + 1)))).hasSize(1);
    accessible("client");
    screenshot("client");

    WebElement activate = waitFor(By.cssSelector("article.isp button.activate"));
    activate.click();
    pageWait().until(driver -> driver.findElements(By.cssSelector("article.isp h3")).stream()
        .anyMatch(heading -> heading.getText().equals("Plan to review: active")));

    // The guide's Questionnaires are listed once the page has read them.
    waitFor(By.xpath("//select[@id='questionnaire']/option[text()='Patient Health Questionnaire-9 (PHQ-9)']"));
    new Select(waitFor(By.id("questionnaire"))).selectByVisibleText("Patient Health Questionnaire-9 (PHQ-9)");
    browser.findElement(By.id("start-questionnaire")).click();
    waitFor(By.cssSelector("form.questionnaire"));
    for (WebElement item : browser.findElements(By.cssSelector("form.questionnaire fieldset.item"))) {
      List<WebElement> options = item.findElements(By.cssSelector("input[type=radio]"));
      if (!options.isEmpty() && item.isDisplayed()) {
        options.get(1).click();
      }
    }
    accessible("questionnaire");
    screenshot("questionnaire");
    browser.findElement(By.cssSelector("form.questionnaire button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector("#work-message .done")).getText()).contains("recorded");
    // The server scores it: nine answers of 1 make a PHQ-9 total of 9, drawn once the page has reloaded.
    pageWait().until(driver -> driver.findElements(By.cssSelector("figure.phq9 figcaption"))
        .stream().anyMatch(caption -> caption.getText().contains(today + " 9")));

    browser.get("http://127.0.0.1:" + port + "/workspace/#/client/" + notMine.substring("Patient/".length()));
    browser.navigate().refresh();
    assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("Client not available");
    // Answered as for a client that does not exist: the page learns nothing of a record it may not see.
    assertThat(browser.findElement(By.cssSelector(".problem")).getText()).contains(notMine + " is not known");
    accessible("refusal");
  }

  private WebElement row(String client) {
    return browser.findElement(By.cssSelector("tr[data-client='" + client.substring("Patient/".length()) + "']"));
  }

  /** The first visible element found within the wait; else a failure saying where the browser is and what it shows. */
  private WebElement waitFor(By what) {
    try {
      return pageWait().until(driver -> driver.findElements(what).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null));
    } catch (TimeoutException e) {
      throw new AssertionError("no " + what + " at " + browser.getCurrentUrl() + "; the page shows: "
          + browser.findElement(By.tagName("body")).getText() + "; console: " + browser.manage().logs()
              .get(LogType.BROWSER).getAll(), e);
    }
  }

  /** A wait that looks again when the page re-renders under it (elements found a moment ago are gone). */
  private org.openqa.selenium.support.ui.FluentWait<WebDriver> pageWait() {
    return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);
  }

  /** axe-core's WCAG 2 A and AA rules on the page as it stands: no violation. */
  @SuppressWarnings("unchecked")
  private void accessible(String screen) throws IOException {
    JavascriptExecutor page = (JavascriptExecutor) browser;
    page.executeScript(axe());
    List<Map<String, Object>> violations = (List<Map<String, Object>>) page.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
            + ".then(result => done(result.violations.map(v => ({id: v.id, help: v.help,"
            + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))));");
    assertThat(violations).as("axe on the " + screen + " screen").isEmpty();
  }

  private static String axe() throws IOException {
    try (InputStream script = WorkspaceBrowserTest.class.getResourceAsStream(
        "/META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3") + "/axe.min.js")) {
      assertThat(script).as("axe-core's script on the test classpath").isNotNull();
      return new String(script.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void screenshot(String screen) throws IOException {
    Path folder = Path.of(System.getProperty("workspace.screenshots", "target/screenshots"));
    Files.createDirectories(folder);
    Files.write(folder.resolve(screen + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
