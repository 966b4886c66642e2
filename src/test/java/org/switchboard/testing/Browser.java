package org.switchboard.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

/**
 * A fresh headless Debian Chromium for each test, with a screenshot under {@code target/screenshots/} when the test
 * fails (tests may save more there, of pages worth looking at). Without Chromium the test is skipped with what to install, except in CI, where it fails.
 */
public class Browser implements BeforeEachCallback, AfterEachCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String label;
    private WebDriver driver;
    private Path profile;

    public Browser() {
        this("");
    }

    /** A test's second browser, named apart in what a failure leaves so that it does not overwrite the first's. */
    public Browser(String label) {
        this.label = label.isEmpty() ? "" : "-" + label;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Browser tests need Debian's Chromium: apt-get install chromium chromium-driver";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing + " (required in CI)");
            }
            throw new TestAbortedException(missing);
        }
        profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                String name = context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + label;
                screenshot(name);
                saveConsole(name);
            }
        } finally {
            driver.quit();
            driver = null;
            deleteProfile();
        }
    }

    // Ajax updates replace elements while a wait is reading them: try again rather than fail.
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application; Chromium is sent to 127.0.0.1, where the test server listens. */
    public void open(URL base, String path) {
        driver.get(base.toString().replace("//localhost:", "//127.0.0.1:") + path);
    }

    /** Fills and sends the login form, opening the login page first if another page is showing. */
    public void signIn(URL base, String username, String password) {
        if (!driver.getCurrentUrl().contains("/login.xhtml")) {
            open(base, "login.xhtml");
        }
        WebElement user = waitFor(By.id("login:username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.id("login:password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
    }

    public WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Clicks the element, finding it again if a live update replaced it meanwhile. */
    public void click(By locator) {
        waiting().until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /** Until no jQuery animation runs: PrimeFaces overlays slide in, and a click during the slide misses. */
    public void waitForAnimations() {
        waiting()
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return !window.jQuery || jQuery(':animated').length === 0;")));
    }

    public void waitForTextGone(By locator, String text) {
        waiting().until(d -> !d.findElement(locator).getText().contains(text));
    }

    public void waitForText(By locator, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Until exactly that many elements match, e.g. the rows of a table that a push updates. */
    public void waitForCount(By locator, int count) {
        waiting().until(ExpectedConditions.numberOfElementsToBe(locator, count));
    }

    /** The text of an element once it is visible and not blank. */
    public String textOnceShown(By locator) {
        return waiting().until(d -> {
            String text = d.findElement(locator).getText();
            return text.isBlank() ? null : text;
        });
    }

    public void waitForUrlEnding(String suffix) {
        waiting().until(d -> d.getCurrentUrl().split("\\?")[0].endsWith(suffix));
    }

    /** Waits until PrimeFaces has no ajax request queued or running. */
    public void waitForAjax() {
        waiting()
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    public String attribute(By locator, String name) {
        return driver.findElement(locator).getAttribute(name);
    }

    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /** The browser's console next to the screenshot, where a failed test leaves it. */
    private void saveConsole(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            List<String> lines = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString)
                    .toList();
            Files.write(SCREENSHOTS.resolve(name + "-console.txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
