package dev.flexconf.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: what a person sees of an account after a script has released,
 * upgraded and rolled back, and of the requests it made.
 */
class ConsoleTest {
    private static final String V1 = "/v1/PluginService";
    private static final Duration SEEN = Duration.ofSeconds(10);

    @RegisterExtension
    static final RunningServer running = new RunningServer();
    @TempDir
    static Path profile;
    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Chromium.start(profile);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The script of README's curl session: release, upgrade, roll back. Returns the account. */
    private static String releasedUpgradedAndRolledBack() {
        String account = Http.newAccount();
        Http.Account api = running.http().as(account);
        String plugin = api.post(V1 + "/Plugins", Http.form("UniqueName", "plugin-sample", "FriendlyName", "Sample")).json().get("sid").asText();
        String v1 = version(api, plugin, "1.0.0");
        String v2 = version(api, plugin, "2.0.0");
        String launch = configuration(api, "Launch", v1);
        String upgrade = configuration(api, "Upgrade", v2);
        for (String configuration : List.of(launch, upgrade, launch)) {
            assertEquals(201, api.post(V1 + "/Releases", Http.form("ConfigurationId", configuration)).status());
        }
        return account;
    }

    private static String version(Http.Account api, String plugin, String version) {
        return api.post(V1 + "/Plugins/" + plugin + "/Versions", Http.form("Version", version,
                "PluginUrl", "https://example.com/plugin-sample/" + version + "/bundle.js")).json().get("sid").asText();
    }

    private static String configuration(Http.Account api, String name, String version) {
        return api.post(V1 + "/Configurations", Http.form("Name", name,
                "Plugins", "{\"plugin_version\": \"" + version + "\", \"phase\": 3}")).json().get("sid").asText();
    }

    private static void open(String query) {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(running.url() + "/__flexconf/ui/" + query);
    }

    private static WebElement seen(By by) {
        return new WebDriverWait(browser, SEEN).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private static List<WebElement> releases() {
        seen(By.cssSelector("#timeline li.release"));
        return browser.findElements(By.cssSelector("#timeline li.release"));
    }

    @Test
    void theStartPageListsTheAccountsThatHoldState() {
        String account = releasedUpgradedAndRolledBack();
        open("");
        WebElement link = seen(By.linkText(account));
        assertTrue(link.findElement(By.xpath("..")).getText().contains("1 plugins, 2 configurations, 3 releases"),
                link.findElement(By.xpath("..")).getText());
        link.click();
        assertEquals("Account " + account, seen(By.id("account-title")).getText());
    }

    @Test
    void theTimelineShowsTheActiveConfigurationAndTheRollbackAsOne() throws Exception {
        String account = releasedUpgradedAndRolledBack();
        open("?account=" + account);
        List<WebElement> releases = releases();
        assertEquals(3, releases.size());
        WebElement newest = releases.get(0);
        assertTrue(newest.getText().contains("Active") && newest.getText().contains("Rollback") && newest.getText().contains("Launch"),
                newest.getText());
        assertTrue(newest.getText().contains("Rolled back to the configuration of the release of"), newest.getText());
        assertTrue(!releases.get(1).getText().contains("Rollback") && !releases.get(1).getText().contains("Active"), releases.get(1).getText());
        assertTrue(seen(By.id("active-configuration")).getText().contains("Launch"), browser.findElement(By.id("active")).getText());
        assertTrue(!browser.findElement(By.id("token-form")).isDisplayed() && !browser.findElement(By.id("problem")).isDisplayed(),
                "no token asked for, no problem shown");
        Path shot = Path.of("target", "console", "release-timeline.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void eachReleaseSaysWhatItChanged() {
        String account = releasedUpgradedAndRolledBack();
        open("?account=" + account);
        List<WebElement> releases = releases();
        assertEquals("Downgraded plugin-sample 2.0.0 → 1.0.0", releases.get(0).findElement(By.cssSelector(".changes li")).getText());
        assertEquals("Upgraded plugin-sample 1.0.0 → 2.0.0", releases.get(1).findElement(By.cssSelector(".changes li")).getText());
        assertEquals("Added plugin-sample 1.0.0", releases.get(2).findElement(By.cssSelector(".changes li")).getText());
    }

    @Test
    void aRequestMadeWhileTheConsoleIsOpenAppearsInTheJournal() {
        String account = releasedUpgradedAndRolledBack();
        open("?account=" + account);
        releases();
        assertEquals(201, running.http().as(account).post(V1 + "/Configurations", Http.form("Name", "made-while-watching")).status());
        // newest first: until now the newest was the last release
        WebElement entry = new WebDriverWait(browser, SEEN).until(d -> d.findElements(By.cssSelector("#journal li.entry")).stream()
                .findFirst().filter(e -> e.getText().contains("CreatePluginConfiguration") && e.getText().contains("201"))
                .orElse(null));
        entry.findElement(By.tagName("summary")).click();
        assertTrue(entry.findElement(By.cssSelector("pre.body")).getText().contains("Name=made-while-watching"), entry.getText());
    }

    @Test
    void theJournalFiltersByStatus() {
        String account = releasedUpgradedAndRolledBack();
        assertEquals(404, running.http().as(account).get(V1 + "/Configurations/FJ" + "0".repeat(32)).status());
        open("?account=" + account);
        seen(By.cssSelector("#journal li.entry"));
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("4xx");
        new WebDriverWait(browser, SEEN).until(d -> d.findElements(By.cssSelector("#journal li.entry")).size() == 1);
        assertTrue(browser.findElement(By.cssSelector("#journal li.entry")).getText().contains("404"));
    }

    @Test
    void aJournalEntryOpensFromTheKeyboard() {
        String account = releasedUpgradedAndRolledBack();
        open("?account=" + account);
        WebElement summary = seen(By.cssSelector("#journal li.entry summary"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", summary);
        summary.sendKeys(Keys.ENTER);
        assertTrue(seen(By.cssSelector("#journal li.entry details[open] dl")).isDisplayed());
    }

    @Test
    void anEmptyAccountSaysSo() {
        open("?account=" + Http.newAccount());
        assertTrue(seen(By.id("empty-account")).getText().startsWith("This account has no plugins"));
        assertEquals("No release yet.", seen(By.cssSelector("#timeline li")).getText());
    }

    @Test
    void aStoppedEmulatorIsShownAsSuch() {
        FlexConfServer stopping = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(null));
        try {
            browser.get(stopping.url() + "/__flexconf/ui/?account=" + Http.newAccount());
            seen(By.id("empty-account"));
        } finally {
            stopping.close();
        }
        WebElement problem = seen(By.id("problem"));
        assertTrue(problem.getText().startsWith("FlexConf is not answering"), problem.getText());
        assertEquals("Disconnected", browser.findElement(By.id("connection")).getText());
    }

    @Test
    void withAnAdminTokenTheConsoleAsksForItThenShowsTheAccount() {
        FlexConfServer guarded = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(null)
                .withAdmin(dev.flexconf.server.admin.AdminAccess.token("s3cret")));
        try {
            String account = Http.newAccount();
            assertEquals(201, new Http(guarded).as(account).post(V1 + "/Plugins", Http.form("UniqueName", "guarded")).status());
            browser.get(guarded.url() + "/__flexconf/ui/?account=" + account);
            seen(By.id("token-input")).sendKeys("s3cret", Keys.ENTER);
            assertTrue(seen(By.cssSelector("#plugins h4")).getText().startsWith("guarded"));
            assertTrue(!browser.findElement(By.id("token-form")).isDisplayed());
        } finally {
            guarded.close();
        }
    }

    @Test
    void anInvalidAccountIsAnErrorSaidPlainly() {
        open("?account=AC123");
        assertTrue(seen(By.id("problem")).getText().startsWith("Not an account sid: AC123"));
    }

    /** WCAG AA: 4.5:1 for text, 3:1 for large text, each text against the background it is drawn on. */
    @Test
    void everyTextHasAaContrast() {
        String account = releasedUpgradedAndRolledBack();
        open("?account=" + account);
        releases();
        seen(By.cssSelector("#journal li.entry"));
        browser.findElements(By.cssSelector("#journal summary")).get(0).click();
        @SuppressWarnings("unchecked")
        List<String> failures = (List<String>) ((JavascriptExecutor) browser).executeScript(CONTRAST);
        assertEquals(List.of(), failures);
    }

    @Test
    void aNarrowWindowNeedsNoSidewaysScrolling() {
        String account = releasedUpgradedAndRolledBack();
        open("?account=" + account);
        releases();
        browser.manage().window().setSize(new Dimension(360, 800));
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow);
    }

    @Test
    void theExportsTheConsoleReadsAreTheAdminApis() {
        String account = releasedUpgradedAndRolledBack();
        JsonNode timeline = running.http().get("/__flexconf/timeline?AccountSid=" + account).json();
        open("?account=" + account);
        assertEquals(timeline.get("releases").get(0).get("sid").asText(), releases().get(0).getAttribute("data-sid"));
    }

    /** Every element with text of its own: its colour against the first opaque background behind it. */
    private static final String CONTRAST = """
            function rgb(s) { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
            function lum(c) { return [c.r, c.g, c.b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }
            function background(el) { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
                return {r: 255, g: 255, b: 255, a: 1}; }
            const failures = [];
            for (const el of document.querySelectorAll('body *')) {
              const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
              if (!own || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
              if (el.closest('[hidden]')) continue;
              const style = getComputedStyle(el);
              const fg = rgb(style.color), bg = background(el);
              const hi = Math.max(lum(fg), lum(bg)), lo = Math.min(lum(fg), lum(bg));
              const ratio = (hi + 0.05) / (lo + 0.05);
              const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              const large = size >= 24 || (bold && size >= 18.66);
              if (ratio < (large ? 3 : 4.5)) failures.push(el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
            }
            return failures;
            """;
}
