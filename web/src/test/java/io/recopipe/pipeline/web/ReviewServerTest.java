package io.recopipe.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review server over a real home and a real HTTP client: security headers, login refusals, CSRF
 * refusals, logout ending the session on the server, and logs served verbatim as plain text.
 */
class ReviewServerTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path dir;

  private LocalRunner runner;
  private HomeReview review;
  private ModelRegistry registry;
  private Sessions sessions;
  private ReviewServer server;

  @BeforeEach
  void start() {
    RecopipeHome home = RecopipeHome.at(dir.resolve("home")).create();
    MetadataStore store = MetadataStore.open(home.metadataDb());
    review = HomeReview.sqlite(store, Clock.systemUTC());
    registry = new SqliteModelRegistry(store);
    runner =
        new LocalRunner(
            home,
            store,
            TestRunners.local(
                () -> {
                  throw new IllegalStateException("no warehouse in this test");
                }),
            review,
            registry);
    sessions = new Sessions(Clock.systemUTC(), Sessions.IDLE);
    ReviewSite site =
        new ReviewSite(
            runner, registry, review, List.of(EchoPipeline.definition()), Clock.systemUTC(), QUIET);
    server = ReviewServer.start(site, "127.0.0.1", 0, List.of(), sessions);
  }

  @AfterEach
  void stop() {
    server.close();
    runner.close();
    registry.close();
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/login", "/", "/no/such/page", "/static/review.css")) {
      HttpResponse<String> response = get(path, null);
      var headers = response.headers();
      assertEquals(
          "default-src 'self'; img-src 'self' data:; style-src 'self'; "
              + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
          headers.firstValue("Content-Security-Policy").orElse(""),
          path);
      assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), path);
      assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(""), path);
    }
    HttpResponse<String> css = get("/static/review.css", null);
    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    HttpResponse<String> login = get("/login", null);
    assertFalse(login.body().contains("<script"), "the page needs no JavaScript");
    assertFalse(
        login.body().contains("http://") || login.body().contains("https://"),
        "no asset from another origin");
  }

  @Test
  void readingPagesSendsAnonymousVisitorsToTheLoginForm() throws Exception {
    HttpResponse<String> home = get("/runs", null);
    assertEquals(303, home.statusCode());
    assertEquals("/login", home.headers().firstValue("Location").orElse(""));
    HttpResponse<String> post =
        post("/promotions/echo/1/approve", null, Map.of("comment", "looks good"));
    assertEquals(401, post.statusCode());
    assertTrue(post.body().contains("log in with your reviewer token first"), post.body());
  }

  @Test
  void loginFormNeedsItsOwnCsrfToken() throws Exception {
    HttpResponse<String> refused = post("/login", null, Map.of("token", "anything"));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains(WebException.CSRF), refused.body());
    HttpResponse<String> form = get("/login", null);
    String cookie = cookie(form, Requests.LOGIN_COOKIE);
    String setCookie = form.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
    HttpResponse<String> wrong =
        post(
            "/login",
            Requests.LOGIN_COOKIE + "=" + cookie,
            Map.of("token", "anything", "csrf", cookie + "x"));
    assertEquals(403, wrong.statusCode());
    assertTrue(wrong.body().contains(WebException.CSRF), wrong.body());
  }

  @Test
  void loginWithAWrongTokenIsRefusedAndTheRightOneOpensASession() throws Exception {
    String token = review.reviewers().add("bob", false, java.util.Optional.empty(), "test");
    HttpResponse<String> wrong = login("not-a-token");
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains(LoginAction.UNKNOWN), wrong.body());
    assertTrue(
        wrong.headers().allValues("Set-Cookie").stream()
            .noneMatch(c -> c.startsWith(Requests.SESSION_COOKIE + "=")));

    HttpResponse<String> right = login(token);
    assertEquals(303, right.statusCode(), right.body());
    String session = cookie(right, Requests.SESSION_COOKIE);
    HttpResponse<String> home = get("/", Requests.SESSION_COOKIE + "=" + session);
    assertEquals(200, home.statusCode(), home.body());
    assertTrue(home.body().contains("bob"), home.body());
    assertTrue(home.body().contains("Nothing waits for review."), home.body());
  }

  @Test
  void postsWithoutOrWithAWrongCsrfTokenAreRefused() throws Exception {
    Session bob = sessions.open(new Reviewer("bob", Instant.now(), false, false));
    String cookie = Requests.SESSION_COOKIE + "=" + bob.id();
    for (Map<String, String> form :
        List.of(
            Map.of("comment", "ship it"),
            Map.of("comment", "ship it", "csrf", ""),
            Map.of("comment", "ship it", "csrf", bob.csrfToken().substring(1) + "A"))) {
      HttpResponse<String> refused = post("/promotions/echo/1/approve", cookie, form);
      assertEquals(403, refused.statusCode(), form.toString());
      assertTrue(
          refused.body().contains("missing or wrong CSRF token; reload the page and try again"),
          refused.body());
    }
    HttpResponse<String> logout = post("/logout", cookie, Map.of());
    assertEquals(403, logout.statusCode(), "logging out needs the token too");
    assertEquals(200, get("/runs", cookie).statusCode(), "the session survived");
  }

  @Test
  void logoutEndsTheSessionOnTheServer() throws Exception {
    Session bob = sessions.open(new Reviewer("bob", Instant.now(), false, false));
    String cookie = Requests.SESSION_COOKIE + "=" + bob.id();
    HttpResponse<String> runs = get("/runs", cookie);
    assertEquals(200, runs.statusCode(), runs.body());
    Matcher csrf = CSRF.matcher(runs.body());
    assertTrue(csrf.find(), "the logout form carries the CSRF token");
    assertEquals(bob.csrfToken(), csrf.group(1));

    HttpResponse<String> logout = post("/logout", cookie, Map.of("csrf", bob.csrfToken()));
    assertEquals(303, logout.statusCode(), logout.body());
    assertEquals("/login", logout.headers().firstValue("Location").orElse(""));
    assertTrue(logout.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
    HttpResponse<String> after = get("/runs", cookie);
    assertEquals(303, after.statusCode(), "the old cookie no longer works");
    assertTrue(sessions.find(bob.id()).isEmpty());
  }

  @Test
  void stepLogsAreServedVerbatimAsPlainText() throws Exception {
    RunResult run = runner.run(EchoPipeline.definition(), Map.of(), RunOptions.to(QUIET));
    assertEquals(RunStatus.SUCCEEDED, run.status(), run.message());
    Session bob = sessions.open(new Reviewer("bob", Instant.now(), false, false));
    String cookie = Requests.SESSION_COOKIE + "=" + bob.id();

    HttpResponse<String> log = get("/runs/" + run.runId() + "/steps/repeat/log", cookie);
    assertEquals(200, log.statusCode(), log.body());
    assertEquals(
        "text/plain;charset=utf-8",
        log.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
    assertEquals("nosniff", log.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(log.body().contains(EchoPipeline.LINE), log.body());

    HttpResponse<String> missing = get("/runs/" + run.runId() + "/steps/nope/log", cookie);
    assertEquals(404, missing.statusCode());
    assertTrue(
        missing.body().contains("no log recorded for step nope of run " + run.runId()),
        missing.body());
    HttpResponse<String> list = get("/runs", cookie);
    assertTrue(list.body().contains(run.runId()), list.body());
  }

  @Test
  void runDetailDrawsTheDagAndLinksEachStepsLog() throws Exception {
    RunResult run = runner.run(EchoPipeline.definition(), Map.of(), RunOptions.to(QUIET));
    Session bob = sessions.open(new Reviewer("bob", Instant.now(), false, false));
    HttpResponse<String> page =
        get("/runs/" + run.runId(), Requests.SESSION_COOKIE + "=" + bob.id());
    assertEquals(200, page.statusCode(), page.body());
    String body = page.body();
    assertTrue(body.contains("<svg"), body);
    assertTrue(body.contains("data-step=\"repeat\""), body);
    assertTrue(
        body.contains("<td>repeat</td><td><span class=\"status succeeded\">SUCCEEDED"), body);
    assertTrue(body.contains("href=\"/runs/" + run.runId() + "/steps/say/log\""), body);
    assertFalse(body.contains(EchoPipeline.LINE), "logs stay behind their links");
  }

  @Test
  void unknownPagesAndVersionsAreOneLineErrorPages() throws Exception {
    Session bob = sessions.open(new Reviewer("bob", Instant.now(), false, false));
    String cookie = Requests.SESSION_COOKIE + "=" + bob.id();
    HttpResponse<String> page = get("/no/such/page", cookie);
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("no page at /no/such/page"), page.body());
    HttpResponse<String> version = get("/promotions/echo/vx", cookie);
    assertEquals(404, version.statusCode());
    assertTrue(version.body().contains("no model version vx"), version.body());
    HttpResponse<String> pipeline = get("/models/%3Cb%3E", cookie);
    assertEquals(404, pipeline.statusCode());
    assertTrue(pipeline.body().contains("no pipeline &lt;b&gt;"), pipeline.body());
    HttpResponse<String> run = get("/runs/nope", cookie);
    assertEquals(404, run.statusCode());
    assertTrue(run.body().contains("no run nope"), run.body());
  }

  private HttpResponse<String> login(String token) throws Exception {
    HttpResponse<String> form = get("/login", null);
    String loginToken = cookie(form, Requests.LOGIN_COOKIE);
    Matcher csrf = CSRF.matcher(form.body());
    assertTrue(csrf.find(), form.body());
    assertEquals(loginToken, csrf.group(1));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", loginToken);
    fields.put("token", token);
    return post("/login", Requests.LOGIN_COOKIE + "=" + loginToken, fields);
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, Map<String, String> form)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
