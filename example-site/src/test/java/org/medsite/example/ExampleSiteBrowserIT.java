package org.medsite.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests of the built example site (target/site) and of the editorial report beside it, in headless
 * Debian Chromium driven by Selenium: accessibility (axe-core), keyboard navigation, search, no third-party
 * requests, and the report's sorting and filters. They run in {@code integration-test}, after the site is built
 * at {@code package}, and are skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing.
 * One browser session serves all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleSiteBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Path siteDir;
    private Path reportFile;
    private StaticServer site;
    /** The click-to-load video test site (src/test/video-site), built beside the example site. */
    private Path videoSiteDir;
    private StaticServer videoSite;
    private StaticServer reportServer;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (apt-get install chromium): browser tests skipped");
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMEDRIVER + " (apt-get install chromium-driver): browser tests skipped");
        Path target = Path.of(System.getProperty("medsite.target", "target")).toAbsolutePath();
        siteDir = target.resolve("site");
        reportFile = target.resolve("medsite-report.html");
        assertThat(siteDir.resolve("index.html")).as("the built site (mvn package builds it)").isRegularFile();
        site = new StaticServer(siteDir);
        videoSiteDir = target.resolve("video-site/site");
        assertThat(videoSiteDir.resolve("block/index.html")).as("the video test site (mvn package builds it)").isRegularFile();
        videoSite = new StaticServer(videoSiteDir);
        reportServer = new StaticServer(reportFile.getParent());

        // The system's driver and browser, so Selenium Manager never downloads anything.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--window-size=1280,900",
                // No name resolves but the local server's: the tests need no network, and nothing can leave.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (site != null) {
            site.close();
        }
        if (videoSite != null) {
            videoSite.close();
        }
        if (reportServer != null) {
            reportServer.close();
        }
    }

    /** Every HTML page of the site, as site paths ("/", "/library/asthma/", "/404.html"). */
    private List<String> sitePages() throws IOException {
        return pagesOf(siteDir);
    }

    private static List<String> pagesOf(Path siteDir) throws IOException {
        try (Stream<Path> files = Files.walk(siteDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".html"))
                    .map(f -> "/" + siteDir.relativize(f).toString().replace('\\', '/'))
                    .map(p -> p.endsWith("/index.html") || p.equals("/index.html") ? p.substring(0, p.length() - "index.html".length()) : p)
                    .sorted()
                    .toList();
        }
    }

    @Test
    @SuppressWarnings("deprecation") // setLegacyMode: this site has no iframes, so axe needs no cross-frame run
    void everyPageHasNoAxeViolations() throws IOException {
        List<String> pages = sitePages();
        List<String> problems = new ArrayList<>();
        long loading = 0;
        long checking = 0;
        for (String path : pages) {
            long t0 = System.nanoTime();
            driver.get(site.url(path));
            long t1 = System.nanoTime();
            Results results = new AxeBuilder().withTags(AXE_TAGS).setLegacyMode(true).disableIframeTesting()
                    .analyze(driver);
            long t2 = System.nanoTime();
            loading += t1 - t0;
            checking += t2 - t1;
            if (results.isErrored()) {
                problems.add(path + ": axe could not run: " + results.getErrorMessage());
                continue;
            }
            for (Rule rule : results.getViolations()) {
                String targets = rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", "));
                problems.add(path + ": " + rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size()
                        + " nodes: " + targets + ") " + rule.getHelp());
            }
        }
        System.out.printf("axe: %d pages, %.1f s loading, %.1f s checking%n", pages.size(), loading / 1e9, checking / 1e9);
        if (!problems.isEmpty()) {
            fail(problems.size() + " axe violations on " + pages.size() + " pages:\n" + String.join("\n", problems));
        }
    }

    @Test
    void keyboardReachesSkipLinkMenuSearchAndBooking() {
        driver.get(site.url("/"));
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur();");
        List<String> menu = driver.findElements(By.cssSelector("nav.site-nav a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertThat(menu).isNotEmpty();
        String booking = driver.findElement(By.xpath("//header//a[normalize-space()='Book a visit']")).getDomAttribute("href");

        List<String> reached = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add("skip-link");
        wanted.add("search-field");
        wanted.add("booking:" + booking);
        menu.forEach(h -> wanted.add("menu:" + h));
        for (int i = 0; i < 40 && !reached.containsAll(wanted); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            String described = describe(active);
            reached.add(described);
            if (i == 0) {
                assertThat(described).as("the first Tab reaches the skip link").isEqualTo("skip-link");
            }
        }
        assertThat(reached).as("elements reached with Tab").containsAll(wanted);
        // The skip link leads to the main content.
        driver.get(site.url("/"));
        new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("main");
    }

    @Test
    void keyboardReachesAGlossaryDefinition() {
        driver.get(site.url("/library/high-blood-pressure/"));
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur();");
        WebElement term = null;
        for (int i = 0; i < 80 && term == null; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if (String.valueOf(active.getDomAttribute("class")).contains("glossary-term")) {
                term = active;
            }
        }
        assertThat(term).as("a marked glossary term is reached with Tab").isNotNull();
        String definitionId = term.getDomAttribute("aria-describedby");
        String href = term.getDomAttribute("href");
        // A screen reader announces the definition with the term (aria-describedby); Enter goes to it.
        WebElement definition = driver.findElement(By.id(definitionId));
        assertThat(definition.isDisplayed()).isTrue();
        assertThat(definition.getText()).isNotBlank();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(driver.getCurrentUrl()).endsWith(href);
        assertThat(((JavascriptExecutor) driver).executeScript("return document.querySelector(':target').id"))
                .isEqualTo(href.substring(1));
        assertThat(driver.findElement(By.id(href.substring(1))).findElement(By.tagName("dfn")).isDisplayed()).isTrue();
    }

    private String describe(WebElement e) {
        String cls = String.valueOf(e.getDomAttribute("class"));
        if (cls.contains("skip-link")) {
            return "skip-link";
        }
        if ("header-search-q".equals(e.getDomAttribute("id"))) {
            return "search-field";
        }
        String href = e.getDomAttribute("href");
        boolean inMenu = (Boolean) driver.executeScript("return !!arguments[0].closest('nav.site-nav');", e);
        if (inMenu) {
            return "menu:" + href;
        }
        if (href != null && e.getText().trim().equals("Book a visit")) {
            return "booking:" + href;
        }
        return e.getTagName() + (href != null ? ":" + href : "");
    }

    @Test
    void searchFindsALibraryArticle() {
        // From the header's search box, as a person would.
        driver.get(site.url("/"));
        WebElement box = driver.findElement(By.id("header-search-q"));
        box.sendKeys("blood pressure", Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/search/"));
        assertThat(driver.getCurrentUrl()).contains("q=blood+pressure");
        assertSearchResultLinksTo("/library/high-blood-pressure/");

        // And from a link to the search page.
        driver.get(site.url("/search/?q=blood+pressure"));
        assertSearchResultLinksTo("/library/high-blood-pressure/");
    }

    private void assertSearchResultLinksTo(String path) {
        List<String> hrefs = new WebDriverWait(driver, WAIT).until(d -> {
            List<String> found = d.findElements(By.cssSelector("#search-results a[href]")).stream()
                    .map(a -> a.getDomAttribute("href")).filter(h -> h.endsWith(path)).toList();
            return found.isEmpty() ? null : found;
        });
        assertThat(hrefs).isNotEmpty();
        String status = driver.findElement(By.id("search-status")).getText();
        assertThat(status).containsIgnoringCase("blood pressure");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noRequestLeavesTheLocalServer() {
        Json json = new Json();
        List<String> outside = new ArrayList<>();
        int requests = 0;
        for (String path : List.of("/", "/library/high-blood-pressure/", "/search/?q=flu", "/es/")) {
            driver.manage().logs().get(LogType.PERFORMANCE); // drop earlier entries
            driver.get(site.url(path));
            if (path.startsWith("/search/")) {
                new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.cssSelector("#search-results a[href*='/library/']")).isEmpty());
            }
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
                Map<String, Object> message = (Map<String, Object>) ((Map<String, Object>) json.toType(entry.getMessage(), Map.class)).get("message");
                if (message == null || !"Network.requestWillBeSent".equals(message.get("method"))) {
                    continue;
                }
                Map<String, Object> params = (Map<String, Object>) message.get("params");
                String url = String.valueOf(((Map<String, Object>) params.get("request")).get("url"));
                requests++;
                if (!url.startsWith(site.origin() + "/") && !url.startsWith("data:")) {
                    outside.add(path + " -> " + url);
                }
            }
        }
        assertThat(requests).as("requests seen in the performance log").isGreaterThanOrEqualTo(8);
        assertThat(outside).as("requests to anywhere but " + site.origin()).isEmpty();
    }

    /** The example site's page with a click-to-load video (content/blog/hand-washing-still-matters.md). */
    private static final String EXAMPLE_VIDEO_PAGE = "/blog/hand-washing-still-matters/";
    /** The video test site's pages with a click-to-load video: a ```video block, and a video: in front matter. */
    private static final String BLOCK_VIDEO_PAGE = "/block/";
    private static final String FRONT_MATTER_VIDEO_PAGE = "/front-matter/";

    /** The Content-Security-Policy header values the server sends for a path, as the _headers file gives them. */
    private static List<String> policyHeaders(StaticServer server, String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
        return response.headers().allValues("Content-Security-Policy");
    }

    @Test
    void theServerSendsTheHeadersFileAsHttpHeaders() throws Exception {
        assertThat(policyHeaders(site, "/")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("default-src 'none'; ").contains("frame-ancestors 'none'").doesNotContain("frame-src");
        assertThat(policyHeaders(site, EXAMPLE_VIDEO_PAGE)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("frame-src https://www.youtube-nocookie.com;", "frame-ancestors 'none'");
        // Each path gets one policy (two would both apply); only the pages with a video allow their player.
        assertThat(policyHeaders(videoSite, BLOCK_VIDEO_PAGE)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("frame-src https://www.youtube-nocookie.com;", "frame-ancestors 'none'");
        assertThat(policyHeaders(videoSite, FRONT_MATTER_VIDEO_PAGE)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("frame-src https://player.vimeo.com;");
        for (String path : List.of("/", "/no-video/", "/404.html", "/css/clinic.css")) {
            assertThat(policyHeaders(videoSite, path)).as(path).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .doesNotContain("frame-src");
        }
    }

    @Test
    void noPageViolatesTheContentSecurityPolicy() throws IOException {
        List<String> pages = sitePages();
        driver.manage().logs().get(LogType.BROWSER); // drop earlier entries
        List<String> violations = new ArrayList<>();
        Set<String> otherErrors = new java.util.TreeSet<>();
        for (String path : pages) {
            driver.get(site.url(path));
            if (path.startsWith("/search/") || path.startsWith("/es/search/")) {
                // The search page fetches its index: a connect-src the policy must allow.
                driver.get(site.url(path + "?q=flu"));
                new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.cssSelector("#search-results a[href]")).isEmpty());
            }
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (isCspViolation(entry.getMessage())) {
                    violations.add(path + ": " + entry.getMessage());
                } else if (entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    otherErrors.add(entry.getMessage().replaceAll("^\\S+ ", ""));
                }
            }
        }
        for (String path : pagesOf(videoSiteDir)) {
            driver.get(videoSite.url(path));
            driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> isCspViolation(e.getMessage()))
                    .forEach(e -> violations.add("video test site " + path + ": " + e.getMessage()));
        }
        otherErrors.forEach(e -> System.out.println("console (not a policy violation): " + e));
        assertThat(violations).as("Content-Security-Policy violations on " + pages.size() + " pages").isEmpty();

        // The log does show a violation when there is one: an inline script the policy has no hash for.
        driver.get(site.url("/"));
        driver.manage().logs().get(LogType.BROWSER);
        ((JavascriptExecutor) driver).executeScript("var s = document.createElement('script');"
                + "s.textContent = 'window.inlineRan = true;'; document.body.appendChild(s);");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.inlineRan === true;")).isEqualTo(false);
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll()).anyMatch(e -> isCspViolation(e.getMessage()));
    }

    private static boolean isCspViolation(String message) {
        return message.contains("Content Security Policy") || message.contains("Content-Security-Policy");
    }

    @Test
    void theExampleSitesVideoLoadsTheNoCookiePlayerOnlyAfterTheClick() {
        assertPlayerLoadsOnlyAfterTheClick(site, EXAMPLE_VIDEO_PAGE, "https://www.youtube.com/watch?v=ZnSjFr6J9HI",
                "https://www.youtube-nocookie.com/embed/ZnSjFr6J9HI", "https://www.youtube-nocookie.com/");
    }

    @Test
    void theVideoLoadsTheNoCookiePlayerOnlyAfterTheClick() {
        assertPlayerLoadsOnlyAfterTheClick(videoSite, BLOCK_VIDEO_PAGE, "https://www.youtube.com/watch?v=",
                "https://www.youtube-nocookie.com/embed/", "https://www.youtube-nocookie.com/");
    }

    @Test
    void aFrontMatterVideoLoadsTheDoNotTrackVimeoPlayerOnlyAfterTheClick() {
        assertPlayerLoadsOnlyAfterTheClick(videoSite, FRONT_MATTER_VIDEO_PAGE, "https://vimeo.com/",
                "https://player.vimeo.com/video/1?dnt=1", "https://player.vimeo.com/");
    }

    @SuppressWarnings("unchecked")
    private void assertPlayerLoadsOnlyAfterTheClick(StaticServer site, String path, String watchPage, String player,
            String playerOrigin) {
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(site.url(path));
        WebElement figure = driver.findElement(By.cssSelector("figure.video"));
        assertThat(figure.findElements(By.tagName("iframe"))).as("no player before the click").isEmpty();
        assertThat(figure.findElement(By.cssSelector("img.video-poster")).getDomAttribute("src")).startsWith("/images/");
        assertThat(figure.findElement(By.cssSelector("a.video-link")).getDomAttribute("href")).startsWith(watchPage);
        List<String> before = requestUrls();
        assertThat(before).as("requests before the click").isNotEmpty()
                .allMatch(u -> u.startsWith(site.origin() + "/") || u.startsWith("data:"));

        WebElement button = figure.findElement(By.cssSelector("button.video-play"));
        assertThat(button.isDisplayed()).as("the script shows the play button").isTrue();
        assertThat(button.getText()).startsWith("Play video");
        // The theme scrolls smoothly; a click during the scroll would land elsewhere.
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        button.click();
        WebElement frame = new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> frames = d.findElements(By.cssSelector("figure.video iframe"));
            return frames.isEmpty() ? null : frames.get(0);
        });
        assertThat(frame.getDomAttribute("src")).startsWith(player);
        assertThat(frame.getDomAttribute("title")).isEqualTo(figure.getDomAttribute("data-video-title")).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("figure.video button.video-play"))).as("the button is replaced").isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript(
                "return document.activeElement === document.querySelector('figure.video iframe');"))
                .as("the player has the focus").isEqualTo(true);
        // The player's request is the first to leave the page's origin (and goes nowhere: names do not resolve here).
        List<String> after = requestUrls();
        assertThat(after).anyMatch(u -> u.startsWith(player));
        assertThat(after).filteredOn(u -> !u.startsWith(site.origin() + "/") && !u.startsWith("data:"))
                .allMatch(u -> u.startsWith(playerOrigin));
        // The page's header and meta policies both let the player's frame load.
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll()).noneMatch(e -> isCspViolation(e.getMessage()));
    }

    @SuppressWarnings("unchecked")
    private List<String> requestUrls() {
        Json json = new Json();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = (Map<String, Object>) ((Map<String, Object>) json.toType(entry.getMessage(), Map.class)).get("message");
            if (message != null && "Network.requestWillBeSent".equals(message.get("method"))) {
                Map<String, Object> params = (Map<String, Object>) message.get("params");
                urls.add(String.valueOf(((Map<String, Object>) params.get("request")).get("url")));
            }
        }
        return urls;
    }

    @Test
    void editorialReportSortsAndFilters() {
        assertThat(reportFile).as("the editorial report beside the site").isRegularFile();
        driver.get(reportServer.url("/" + reportFile.getFileName()));
        JavascriptExecutor js = driver;
        int all = driver.findElements(By.cssSelector("#report tbody tr")).size();
        assertThat(all).isGreaterThan(10);

        WebElement grade = driver.findElement(By.xpath("//table[@id='report']//th[normalize-space()='Grade']"));
        grade.findElement(By.tagName("button")).click();
        assertThat(grade.getDomAttribute("aria-sort")).isEqualTo("ascending");
        List<Double> ascending = gradeValues(grade);
        assertThat(ascending).hasSize(all).isSorted();
        grade.findElement(By.tagName("button")).click();
        assertThat(grade.getDomAttribute("aria-sort")).isEqualTo("descending");
        List<Double> descending = gradeValues(grade);
        assertThat(descending).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        for (String filter : List.of("Overdue for review", "Above reading target", "Review due soon", "Medical, no sources")) {
            WebElement label = driver.findElement(By.xpath("//fieldset//label[normalize-space()='" + filter + "']"));
            label.click();
            String value = label.findElement(By.tagName("input")).getDomAttribute("value");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) js.executeScript(
                    "return Array.from(document.querySelectorAll('#report tbody tr')).map(r => ({tags: r.dataset.tags || '', "
                            + "visible: !r.hidden && r.getClientRects().length > 0}));");
            long matching = 0;
            for (Map<String, Object> row : rows) {
                boolean tagged = List.of(String.valueOf(row.get("tags")).split(" ")).contains(value);
                assertThat(row.get("visible")).as("row with tags '" + row.get("tags") + "' under filter " + filter)
                        .isEqualTo(tagged);
                matching += tagged ? 1 : 0;
            }
            assertThat(driver.findElement(By.id("count")).getText()).startsWith(matching + " of " + all);
        }
        driver.findElement(By.xpath("//fieldset//label[normalize-space()='All pages']")).click();
        assertThat(driver.findElements(By.cssSelector("#report tbody tr")).stream().filter(WebElement::isDisplayed).count())
                .isEqualTo(all);
    }

    @SuppressWarnings("unchecked")
    private List<Double> gradeValues(WebElement header) {
        int column = ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].cellIndex;", header)).intValue();
        List<Object> values = (List<Object>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#report tbody tr')).map(r => r.cells[arguments[0]].getAttribute('data-value') || '');",
                column);
        return values.stream().map(String::valueOf)
                .map(v -> v.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(v)).toList();
    }
}
