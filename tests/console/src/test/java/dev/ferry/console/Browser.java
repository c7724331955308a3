package dev.ferry.console;

import dev.ferry.testkit.TempDirs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver by Selenium WebDriver: a fresh
 * profile per instance, the flags that keep Chromium off the network (only the page's own node is
 * reached), and the few steps the console tests repeat (open, wait for, click, confirm, type,
 * screenshot). Waits poll the live page with a deadline and ignore only elements that a refresh
 * has just replaced.
 */
final class Browser implements AutoCloseable {

  /** How long a test waits for the page to show something. */
  static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Dimension WINDOW = new Dimension(1440, 1000);

  private final Path profile;
  private final ChromeDriver driver;

  Browser() {
    try {
      profile = Files.createTempDirectory("ferry-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("ferry.test.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WINDOW.width + "," + WINDOW.height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("ferry.test.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(WINDOW);
    // Keep the page's uncaught errors, so a failed wait can show them.
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.__errors = []; addEventListener('error', e => __errors.push(String(e.message)));"
            + " addEventListener('unhandledrejection', e => __errors.push(String(e.reason && (e.reason.stack || e.reason))));"));
  }

  /** Loads a URL (a change of the hash only is a navigation inside the page). */
  void open(String url) {
    driver.get(url);
  }

  /** Waits until {@code condition} yields a non-null, non-false value; fails naming {@code what}. */
  <T> T waitFor(Supplier<String> what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> what.get() + "\n  page " + driver.getCurrentUrl() + " errors: " + script("return JSON.stringify(window.__errors)")
            + "\n  page text: " + script("return document.body ? document.body.innerText.slice(0, 1500) : ''"))
        .until(condition);
  }

  /** The first element matching {@code css}, once it is there. */
  WebElement element(String css) {
    return waitFor(() -> "an element " + css + " on " + driver.getCurrentUrl(), d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.isEmpty() ? null : found.get(0);
    });
  }

  /** Every element matching {@code css} now (possibly none). */
  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The text of the first element matching {@code css} now, or null when there is none. */
  String textNow(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? null : found.get(0).getText();
  }

  /** Waits until the element matching {@code css} shows exactly {@code text}. */
  void waitForText(String css, String text) {
    waitFor(() -> css + " showing '" + text + "' (shows '" + textNow(css) + "')", d -> text.equals(textNow(css)));
  }

  /** Clicks the element matching {@code css}. */
  void click(String css) {
    element(css).click();
  }

  /** Answers the console's confirmation dialog with Confirm, returning the question it asked. */
  String confirm() {
    String question = element("[data-testid=confirm-question]").getText();
    click("[data-testid=confirm-ok]");
    waitFor(() -> "the confirmation dialog closed", d -> d.findElements(By.cssSelector("[data-testid=confirm-question]")).isEmpty());
    return question;
  }

  /** Replaces the text of a text field, as a user typing it. */
  void type(String css, String text) {
    WebElement field = element(css);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text);
  }

  /** Runs JavaScript in the page. */
  Object script(String javascript) {
    return ((JavascriptExecutor) driver).executeScript(javascript);
  }

  /** The page's URL hash. */
  String hash() {
    return String.valueOf(script("return window.location.hash"));
  }

  /** Saves a PNG of the whole page (the window grown to the page's height) as {@code name}.png. */
  Path screenshot(String name) {
    Object height = script("return Math.ceil(document.documentElement.scrollHeight)");
    driver.manage().window().setSize(new Dimension(WINDOW.width, Math.min(4000, Math.max(WINDOW.height,
        ((Number) height).intValue() + 20))));
    try {
      Path dir = Path.of(System.getProperty("ferry.test.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot save screenshot " + name, e);
    } finally {
      driver.manage().window().setSize(WINDOW);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      TempDirs.deleteRecursively(profile);
    }
  }
}
