package dev.flexconf.server.console;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven by
 * Selenium with both paths given, so Selenium never looks for or downloads a browser. Where they are not
 * installed the browser tests are skipped, unless {@code FLEXCONF_BROWSER_REQUIRED} is set (as
 * {@code .ci/run} does, after installing them), when they fail.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start(Path profile) {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("FLEXCONF_BROWSER_REQUIRED") != null) {
            throw new IllegalStateException("FLEXCONF_BROWSER_REQUIRED is set but " + BROWSER + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed: browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // the flags a closed network needs: no background connections, no component or sync downloads
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
