package io.recopipe.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recopipe.pipeline.cli.ExitCodes;
import io.recopipe.pipeline.cli.Main;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.testing.FastConfig;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in headless Chromium, end to end: a champion serves, a review-mode run waits, a
 * reviewer logs in, sees the candidate's evidence, approves, and the new champion answers at the
 * endpoint; a wrong token and a second approval are refused with clear messages.
 */
class ReviewPageIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String NAME = MovieLensMfPipeline.NAME;

  @TempDir Path dir;

  private Path home;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void requireChromium() {
    assumeTrue(
        Browser.available(),
        "skipped: the review page test needs Debian chromium and "
            + "chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); .ci/run installs them");
    home = dir.resolve("home");
  }

  @AfterEach
  void closeAndUndeploy() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    if (home != null) { // null when the test was skipped for want of Chromium
      Main.run("undeploy", "--home", home.toString());
    }
  }

  @Test
  void reviewerApprovesACandidateThatThenServes() throws Exception {
    int port = freePort();
    String predict = "http://127.0.0.1:" + port + "/v1/models/recommender_model:predict";
    String bobToken;
    Path aliceToken;
    try (MetadataStore store = MetadataStore.open(RecopipeHome.at(home).create().metadataDb())) {
      HomeReview setup = HomeReview.sqlite(store, Clock.systemUTC());
      aliceToken =
          Files.writeString(
              dir.resolve("alice.token"),
              setup.reviewers().add("alice", false, Optional.empty(), "test"));
      bobToken =
          setup
              .reviewers()
              .add(
                  "bob",
                  false,
                  Optional.of(setup.reviewers().authenticate(Files.readString(aliceToken))),
                  "test");
    }
    assertEquals(ExitCodes.OK, run(config(port, "auto")), "the first model serves at once");
    assertEquals(
        ExitCodes.AWAITING_APPROVAL,
        run(
            config(port, "review"),
            "--set",
            "train.max_iterations=7",
            "--token-file",
            aliceToken.toString()));

    ModelRegistry registry = keep(SqliteModelRegistry.open(RecopipeHome.at(home).metadataDb()));
    LocalRunner runner = keep(runner());
    RegisteredVersion champion = registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow();
    RegisteredVersion candidate = registry.list(NAME).get(0);
    assertEquals(champion.version() + 1, candidate.version());
    assertEquals(
        RunStatus.AWAITING_APPROVAL,
        runner.history().show(candidate.runId()).orElseThrow().run().status());
    assertEquals("alice", runner.history().show(candidate.runId()).orElseThrow().run().who());
    ReviewServer server =
        keep(
            ReviewServer.start(
                new ReviewSite(
                    runner,
                    registry,
                    HomeReview.sqlite(
                        keep(MetadataStore.open(runner.home().metadataDb())), Clock.systemUTC()),
                    List.of(MovieLensMfPipeline.definition()),
                    Clock.systemUTC(),
                    System.out),
                "127.0.0.1",
                0,
                List.of()));
    Browser browser = keep(new Browser(dir.resolve("profile")));
    WebDriver page = browser.driver;
    String base = server.url().toString();

    page.get(base);
    assertTrue(page.getCurrentUrl().endsWith("/login"), "anonymous readers log in first");
    logIn(page, "not-a-token");
    assertEquals("unknown or disabled reviewer token", text(page, "#error"));
    browser.screenshot("01-login-refused");
    logIn(page, bobToken);
    assertEquals(base, page.getCurrentUrl());
    String version = NAME + " v" + candidate.version();
    assertTrue(text(page, "#pending").contains(version), text(page, "#pending"));
    browser.screenshot("02-pending");

    submit(page, By.linkText(version));
    String metrics = text(page, "#metrics");
    assertTrue(
        metrics.contains("root_mean_squared_error") && metrics.contains("r2_score"), metrics);
    assertTrue(metrics.contains("Champion v" + champion.version()), metrics);
    assertFalse(page.findElements(By.cssSelector("#loss-chart svg")).isEmpty());
    assertFalse(page.findElements(By.cssSelector("#error-histogram svg")).isEmpty());
    assertTrue(page.findElements(By.cssSelector("#samples table.sample")).size() > 0);
    assertTrue(text(page, "#gate").contains("pass"), text(page, "#gate"));
    assertTrue(
        page.findElements(By.cssSelector("#review-required")).isEmpty(),
        "the same data and contract as the champion's need no banner");
    String dataChecks = text(page, "#data-checks");
    assertTrue(
        dataChecks.contains("unknown_eval_users")
            && dataChecks.contains("pass")
            && !dataChecks.contains("fail"),
        dataChecks);
    browser.screenshot("03-promotion");
    String promotion = page.getCurrentUrl();
    String first = page.getWindowHandle();
    page.switchTo().newWindow(WindowType.TAB).get(promotion);
    String stale = page.getWindowHandle();

    page.switchTo().window(first);
    page.findElement(By.id("comment")).sendKeys("Better RMSE; samples look sane.");
    submit(page, By.id("approve"));
    assertTrue(text(page, "#decision").startsWith("APPROVED by bob"), text(page, "#decision"));
    browser.screenshot("04-approved");
    assertEquals(
        candidate.version(), registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(
        champion.version(), registry.alias(NAME, ModelRegistry.PREVIOUS).orElseThrow().version());
    HttpResponse<String> answer = post(predict, "{\"instances\": [{\"user_id\": 1}]}");
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"predicted_item_id\""), answer.body());

    page.switchTo().window(stale);
    page.findElement(By.id("comment")).sendKeys("Approving again.");
    submit(page, By.id("approve"));
    assertEquals("Conflict", text(page, "h1"));
    assertTrue(text(page, "#error").contains("already approved by bob"), text(page, "#error"));
    browser.screenshot("05-second-approval-refused");
    page.close();
    page.switchTo().window(first);

    page.get(base + "runs/" + candidate.runId());
    assertFalse(page.findElements(By.cssSelector("#dag svg")).isEmpty());
    assertTrue(text(page, "#steps").contains("deploy"), text(page, "#steps"));
    browser.screenshot("06-run");
    page.get(base + "models/" + NAME);
    assertEquals("v" + candidate.version(), text(page, "#champion"));
    assertTrue(text(page, "#alias-history").contains("bob"), text(page, "#alias-history"));
    browser.screenshot("07-models");
  }

  private <T extends AutoCloseable> T keep(T resource) {
    open.add(resource);
    return resource;
  }

  private LocalRunner runner() {
    return TestRunners.duckDbRunner(RecopipeHome.at(home));
  }

  private int run(Path config, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("run", "--home", home.toString(), "--config", config.toString()));
    args.addAll(List.of(extra));
    return Main.run(args.toArray(String[]::new));
  }

  private Path config(int port, String policy) throws IOException {
    return Files.writeString(
        dir.resolve(policy + ".yaml"),
        FastConfig.deploying(port, policy)
            .replace("max_regression_abs: 0.01", "max_regression_abs: 0.05"));
  }

  private static void logIn(WebDriver page, String token) {
    if (!page.getCurrentUrl().endsWith("/login")) {
      page.get(URI.create(page.getCurrentUrl()).resolve("/login").toString());
    }
    page.findElement(By.id("token")).sendKeys(token);
    submit(page, By.cssSelector("#login button"));
  }

  /** Clicks {@code target} and waits until the browser has left the page (deploys take a while). */
  private static void submit(WebDriver page, By target) {
    WebElement html = page.findElement(By.tagName("html"));
    page.findElement(target).click();
    new WebDriverWait(page, Duration.ofMinutes(3)).until(driver -> isGone(html));
  }

  /**
   * Whether {@code element}'s document was replaced; during the navigation Chromium may answer
   * "node does not belong to the document" instead of a stale-element error, which means the same.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      String message = String.valueOf(e.getMessage());
      return message.contains("does not belong to the document")
          || message.contains("No node with given id");
    }
  }

  private static String text(WebDriver page, String css) {
    List<WebElement> found = page.findElements(By.cssSelector(css));
    assertFalse(
        found.isEmpty(), "no " + css + " on " + page.getCurrentUrl() + ": " + page.getPageSource());
    return found.get(0).getText().trim();
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
