package org.casemgmt.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.careplan.Isps;
import org.casemgmt.adapter.security.SecurityFixture;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coordinators' workspace in a real browser (Debian's headless Chromium, driven by chromedriver): a case
 * manager logs in through the embedded issuer, sees their caseload ordered by what needs action, opens a client's
 * record (timeline, eligibility with its evidence), fills a PHQ-9 and activates an ISP, and cannot open a client
 * outside their caseload; then sees the pages at a tablet's width, and does the work with the keyboard alone.
 * axe-core checks every screen; each screen is saved as a screenshot ({@code target/screenshots}, or the folder
 * {@code -Dworkspace.screenshots} names: the README's are made so). One browser and one service for the three tests,
 * run in this order (the later ones find the tab logged in, and the screenshots show the same record each time).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest extends WorkflowTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PHQ9 = "Patient Health Questionnaire-9 (PHQ-9)";
  /** What the README promises: a touch target (a button, a form control, an answer, a link) this high and wide. */
  private static final int TOUCH_TARGET_PX = 44;
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
    // The keyboard walk's client: nothing due, and a draft plan to approve whose review is months away (once active,
    // it leaves the client with nothing due).
    CarePlan toApprove = Isps.draft(quiet, List.of(create(Isps.goal(quiet)))).setTitle("Plan to approve");
    toApprove.getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(today.plusMonths(3).toString()));
    create(toApprove);
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
  @Order(1)
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
    assertThat(row(admitted).getText()).contains("Admitted to a psychiatric hospital on " + today.minusDays(2))
        .contains("Newly eligible"); // its determination, made today, is among those the worklist asks for
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
    waitFor(By.xpath("//select[@id='questionnaire']/option[text()='" + PHQ9 + "']"));
    new Select(waitFor(By.id("questionnaire"))).selectByVisibleText(PHQ9);
    browser.findElement(By.id("start-questionnaire")).click();
    waitFor(By.cssSelector("form.questionnaire"));
    for (WebElement item : browser.findElements(By.cssSelector("form.questionnaire fieldset.item"))) {
      List<WebElement> options = item.findElements(By.cssSelector("input[type=radio]"));
      if (!options.isEmpty() && item.isDisplayed()) {
        options.get(1).click();
      }
    }
    // The total is the server's to work out: shown as such, with nothing to type in.
    WebElement total = browser.findElement(By.cssSelector("form.questionnaire .read-only"));
    assertThat(total.getText()).contains("worked out when the answers are saved");
    assertThat(total.findElements(By.cssSelector("input, textarea"))).isEmpty();
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

  @Test
  @Order(2)
  void theWorkspaceFitsATablet() throws Exception {
    Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(768, 1024));
    try {
      openWorklist();
      assertThat((Long) js("return window.innerWidth")).as("the page's width").isBetween(700L, 800L);
      fitsATablet("worklist");
      accessible("worklist-tablet");
      screenshot("worklist-tablet");

      row(admitted).findElement(By.tagName("a")).click();
      waitFor(By.cssSelector("#timeline svg"));
      waitFor(By.cssSelector("#eligibility article.determination"));
      waitFor(By.xpath("//select[@id='questionnaire']/option[text()='" + PHQ9 + "']"));
      fitsATablet("client");
      accessible("client-tablet");
      screenshot("client-tablet");

      // The form a coordinator fills in with a finger: started, not saved.
      new Select(browser.findElement(By.id("questionnaire"))).selectByVisibleText(PHQ9);
      browser.findElement(By.id("start-questionnaire")).click();
      waitFor(By.cssSelector("form.questionnaire"));
      fitsATablet("questionnaire");
      accessible("questionnaire-tablet");
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  @Test
  @Order(3)
  void aCaseManagerWorksWithTheKeyboardAlone() throws Exception {
    openWorklist();
    String id = quiet.substring("Patient/".length());
    String identifiers = row(quiet).findElements(By.tagName("td")).get(1).getText();
    // app.js puts focus on the heading; from there on, only keys.
    pageWait().until(driver -> focused("main h1"));
    tabTo("tr[data-client='" + id + "'] a");
    press(Keys.ENTER);
    pageWait().until(driver -> driver.getCurrentUrl().endsWith("#/client/" + id)
        && !driver.findElements(By.cssSelector("#timeline")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("main .facts")).getText()).contains(identifiers);
    assertThat(focusShown()).as("the focused element").isEqualTo("h1");

    tabTo("article.isp button.activate");
    press(Keys.ENTER);
    pageWait().until(driver -> driver.findElements(By.cssSelector("article.isp h3")).stream()
        .anyMatch(heading -> heading.getText().equals("Plan to approve: active")));
    // The page re-rendered: focus stays with the plan just activated, rather than going back to the top.
    assertThat(focusShown()).isEqualTo("h3");
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Plan to approve: active");

    waitFor(By.xpath("//select[@id='questionnaire']/option[text()='" + PHQ9 + "']"));
    tabTo("#questionnaire");
    Select forms = new Select(browser.findElement(By.id("questionnaire")));
    // Arrow keys change a closed select's choice in Chromium on Linux (no pop-up to steer).
    press(Keys.HOME);
    for (int i = 0; i < forms.getOptions().size() && !forms.getFirstSelectedOption().getText().equals(PHQ9); i++) {
      press(Keys.ARROW_DOWN);
    }
    assertThat(forms.getFirstSelectedOption().getText()).isEqualTo(PHQ9);
    tabTo("#start-questionnaire");
    press(Keys.SPACE);
    waitFor(By.cssSelector("form.questionnaire"));
    List<String> questions = browser.findElements(By.cssSelector("form.questionnaire fieldset.item:has([required])"))
        .stream().map(question -> question.getAttribute("data-link-id")).toList();
    assertThat(questions).hasSize(9);
    for (int i = 0; i < questions.size(); i++) {
      // Tab enters a group of radio buttons on its first; space checks it, an arrow checks the next one down.
      tabTo("fieldset.item[data-link-id='" + questions.get(i) + "'] input");
      if (i == 0) {
        press(Keys.SPACE);
      } else {
        press(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
      }
    }
    tabTo("form.questionnaire button[type=submit]");
    press(Keys.ENTER);
    // The first answer 0, eight answers of 2: the server's total is 16.
    pageWait().until(driver -> driver.findElements(By.cssSelector("figure.phq9 figcaption"))
        .stream().anyMatch(caption -> caption.getText().contains(today + " 16")));
    assertThat(browser.findElement(By.id("work-message")).getText()).contains("recorded");
    assertThat(focusShown()).as("the focused element").isEqualTo("p.done");
  }

  /** The worklist, after logging in through the issuer's form unless this tab holds a token already. */
  private void openWorklist() {
    browser.get("http://127.0.0.1:" + port + "/workspace/");
    By rows = By.cssSelector("table.worklist tbody tr");
    pageWait().until(driver -> !driver.findElements(By.id("log-in")).isEmpty() || !driver.findElements(rows).isEmpty());
    if (!browser.findElements(By.id("log-in")).isEmpty()) {
      browser.findElement(By.id("log-in")).click();
      waitFor(By.id("username")).sendKeys("test-cm");
      browser.findElement(By.id("password")).sendKeys("test-cm-password");
      browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
    waitFor(rows);
  }

  /** Keys typed where the focus is, as a user would. */
  private void press(CharSequence... keys) {
    Actions typing = new Actions(browser);
    for (CharSequence key : keys) {
      typing.sendKeys(key);
    }
    typing.perform();
  }

  private boolean focused(String css) {
    return (Boolean) js("return document.activeElement.matches(arguments[0])", css);
  }

  /**
   * Tab until the focused element matches, no further than there are elements to focus; every element on the way
   * must show its focus.
   */
  private void tabTo(String css) {
    long most = (Long) js("return document.querySelectorAll('a[href], button, input, select, textarea').length") + 1;
    List<String> path = new ArrayList<>();
    for (int i = 0; i < most; i++) {
      press(Keys.TAB);
      path.add(focusShown());
      if (focused(css)) {
        return;
      }
    }
    throw new AssertionError("Tab never reached " + css + "; focus went through " + path);
  }

  /**
   * The focused element, which must be on screen with a ring (outline or box shadow, 2 px or more) of 3:1 contrast at
   * least with the background around it (WCAG 1.4.11); said by its tag, id and class (not its text).
   */
  @SuppressWarnings("unchecked")
  private String focusShown() {
    Map<String, Object> focus = (Map<String, Object>) js("""
        const e = document.activeElement;
        const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
          + (e.getAttribute('class') ? '.' + e.getAttribute('class').replace(/ /g, '.') : '');
        if (e === document.body) return {what, contrast: 0, onScreen: false};
        const rgb = text => ((text || '').match(/rgba?\\(([^)]*)\\)/) || [null, ''])[1].split(',').map(Number);
        const luminance = color => color.slice(0, 3).map(v => v / 255)
          .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        const contrast = (a, b) => {
          const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (light + 0.05) / (dark + 0.05);
        };
        let around = [255, 255, 255];
        for (let p = e.parentElement; p; p = p.parentElement) {
          const color = rgb(getComputedStyle(p).backgroundColor);
          if (color.length < 4 || color[3] > 0) { around = color; break; }
        }
        const style = getComputedStyle(e);
        const rings = [];
        if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) rings.push(rgb(style.outlineColor));
        const shadow = style.boxShadow.match(/(rgba?\\([^)]*\\)) (-?[\\d.]+)px (-?[\\d.]+)px ([\\d.]+)px ([\\d.]+)px/);
        if (shadow && parseFloat(shadow[5]) >= 2) rings.push(rgb(shadow[1]));
        const box = e.getBoundingClientRect();
        return {what, contrast: Math.max(0, ...rings.map(color => contrast(color, around))),
          onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
            && box.right > 0 && box.left < innerWidth};
        """);
    String what = (String) focus.get("what");
    assertThat(what).as("the focused element").isNotEqualTo("body");
    assertThat((Boolean) focus.get("onScreen")).as(what + " on screen").isTrue();
    assertThat(((Number) focus.get("contrast")).doubleValue()).as(what + "'s focus ring's contrast")
        .isGreaterThanOrEqualTo(3.0);
    return what;
  }

  /**
   * No sideways scrolling, and every touch target at least {@link #TOUCH_TARGET_PX} high and wide: buttons, form
   * controls (a radio button or check box by its label, which takes the touch too), links.
   */
  @SuppressWarnings("unchecked")
  private void fitsATablet(String screen) {
    Map<String, Long> page = (Map<String, Long>) js(
        "return {scroll: document.documentElement.scrollWidth, width: window.innerWidth}");
    assertThat(page.get("scroll")).as(screen + "'s width at " + page.get("width") + " px")
        .isLessThanOrEqualTo(page.get("width"));
    List<String> small = (List<String>) js("""
        return [...document.querySelectorAll('button, input, select, textarea, main a[href]')]
          .map(e => ['radio', 'checkbox'].includes(e.type) ? e.closest('label') || e : e)
          .filter(e => e.getClientRects().length && !e.closest('[hidden]'))
          .map(e => [e, e.getBoundingClientRect()])
          .filter(([, box]) => box.height < arguments[0] || box.width < arguments[0])
          .map(([e, box]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`
            + ` in ${e.parentElement.closest('[id]')?.id || 'the page'}`
            + `: ${Math.round(box.width)}x${Math.round(box.height)}`);
        """, TOUCH_TARGET_PX);
    assertThat(small).as(screen + "'s touch targets under " + TOUCH_TARGET_PX + " px").isEmpty();
  }

  private Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
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
