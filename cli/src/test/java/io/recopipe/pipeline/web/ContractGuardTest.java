package io.recopipe.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.synthetic.Preset;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.pipeline.cli.CliReviewers;
import io.recopipe.pipeline.cli.CliRunner;
import io.recopipe.pipeline.cli.ExitCodes;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.testing.FastConfig;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's contract guard and data checks through the real CLI, registry and review page: a model
 * whose response contract changes, or one trained on data the champion never saw, is never promoted
 * under {@code promotion.policy: auto}; it waits for a reviewer, and the page says why.
 */
class ContractGuardTest {
  private static final String NAME = MovieLensMfPipeline.NAME;

  /** The shipped pipeline on the same synthetic data, trained for implicit feedback. */
  private static final String IMPLICIT =
      """
      ingest:
        source: preset:ml-100k
        eval_fraction: 0.1
      train:
        feedback_type: implicit
        method: als
        wals_alpha: 10
        cg_steps: 3
        positive_threshold: 4
        num_factors: 8
        l2_reg: 1.0
        max_iterations: 5
        early_stop: false
      gate:
        map_min: 0.001
      export:
        top_n: 10
      deploy:
        enabled: false
      promotion:
        policy: auto
      """;

  @TempDir Path dir;

  @Test
  void anImplicitCandidateOfAnExplicitChampionWaitsForReviewWithABanner() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(ExitCodes.OK, run(home, FastConfig.YAML).code());
    CliRunner.Result second = run(home, IMPLICIT);
    assertEquals(ExitCodes.AWAITING_APPROVAL, second.code(), second.transcript());
    String reason = "response contract changed: predicted_rating → predicted_rating_confidence";
    assertTrue(second.out().contains("review required: " + reason), second.transcript());

    try (ModelRegistry registry = SqliteModelRegistry.open(RecopipeHome.at(home).metadataDb());
        LocalRunner runner = runner(home)) {
      assertEquals(
          1,
          registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version(),
          "the champion is unchanged");
      RegisteredVersion candidate = registry.find(NAME, 2).orElseThrow();
      assertEquals(
          RunStatus.AWAITING_APPROVAL,
          runner.history().show(candidate.runId()).orElseThrow().run().status());
      assertFalse(
          Files.exists(RecopipeHome.at(home).serving().resolve(EndpointRegistry.FILE)),
          "nothing was deployed");
      JsonNode decision = JsonFields.asObject(Json.parse(candidate.gateDecision()));
      assertEquals(
          JsonNodeFactory.instance.arrayNode().add(reason),
          JsonFields.array(decision, "review_required"));
      JsonNode change = JsonFields.asObject(JsonFields.array(decision, "contract_changes").get(0));
      assertEquals("score_field", JsonFields.string(change, "field"));

      String page = promotionPage(runner, registry, 2);
      assertTrue(
          page.contains("<div class=\"banner\" id=\"review-required\" role=\"alert\">"), page);
      assertTrue(page.contains("<li>" + reason + "</li>"), page);
      assertTrue(
          page.contains(
              "<td>score_field</td><td>predicted_rating</td>"
                  + "<td>predicted_rating_confidence</td>"),
          page);
      assertTrue(page.contains("id=\"data-checks\""), page);
    }

    CliRunner.Result added = CliRunner.run("reviewers", "add", "bob", "--home", home.toString());
    assertEquals(ExitCodes.OK, added.code(), added.err());
    Path bob = Files.writeString(dir.resolve("bob.token"), CliReviewers.token(added) + "\n");
    CliRunner.Result approved =
        CliRunner.run(
            "models",
            "approve",
            "2",
            "--comment",
            "clients read predicted_rating_confidence now",
            "--token-file",
            bob.toString(),
            "--home",
            home.toString());
    assertEquals(ExitCodes.OK, approved.code(), approved.transcript());
    try (ModelRegistry registry = SqliteModelRegistry.open(RecopipeHome.at(home).metadataDb());
        LocalRunner runner = runner(home)) {
      assertEquals(
          2,
          registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version(),
          "a reviewer's approval promotes the changed contract");
    }
  }

  @Test
  void aNewServedModelNameWaitsForReview() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(ExitCodes.OK, run(home, FastConfig.YAML).code());
    Path serving = Files.createDirectories(RecopipeHome.at(home).serving());
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // a failing run must never take the standard port 8501
    }
    Files.writeString(
        serving.resolve(EndpointRegistry.FILE),
        "{\"stable_port\": "
            + port
            + ", "
            + "\"model_name\": \"recommender_model\", \"revisions\": []}\n");
    CliRunner.Result renamed =
        run(
            home,
            FastConfig.YAML.replace(
                "  enabled: false\n",
                "  enabled: true\n  model_name: movies\n  port: " + port + "\n"));
    assertEquals(ExitCodes.AWAITING_APPROVAL, renamed.code(), renamed.transcript());
    assertTrue(
        renamed
            .out()
            .contains(
                "review required: response contract changed: model name "
                    + "recommender_model → movies"),
        renamed.transcript());
    try (ModelRegistry registry = SqliteModelRegistry.open(RecopipeHome.at(home).metadataDb());
        LocalRunner runner = runner(home)) {
      assertEquals(
          1,
          registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version(),
          "the champion is unchanged");
    }
  }

  /**
   * A run on unrelated data (disjoint user and item ids) once "improved" on the champion by scoring
   * the champion on the new eval split, where it knows nobody; now the change checks are not
   * comparable and the run waits for a reviewer with the overlap numbers.
   */
  @Test
  void aCandidateOnDataTheChampionNeverSawIsNotComparedAndNotPromoted() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(ExitCodes.OK, run(home, FastConfig.YAML).code());
    Path unrelated = disjointRatings(dir.resolve("unrelated.csv"));
    CliRunner.Result second =
        run(home, FastConfig.YAML.replace("source: preset:ml-100k", "source: " + unrelated));
    assertEquals(ExitCodes.AWAITING_APPROVAL, second.code(), second.transcript());
    assertTrue(
        second.out().contains("data not comparable with the champion's"), second.transcript());
    assertTrue(
        second.out().contains("(not comparable with the champion: see the gate)"),
        second.transcript());
    assertFalse(second.out().contains("vs champion)"), "no delta against data it never saw");

    try (ModelRegistry registry = SqliteModelRegistry.open(RecopipeHome.at(home).metadataDb());
        LocalRunner runner = runner(home)) {
      assertEquals(
          1,
          registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version(),
          "the champion is unchanged");
      JsonNode decision =
          JsonFields.asObject(Json.parse(registry.find(NAME, 2).orElseThrow().gateDecision()));
      JsonNode users = dataCheck(decision, "unknown_eval_users");
      assertEquals(1.0, JsonFields.doubleValue(users, "value"), 0);
      assertEquals("fail", JsonFields.string(users, "outcome"));
      assertTrue(
          JsonFields.string(users, "detail").contains("(100.0%) unknown to the champion"),
          JsonFields.string(users, "detail"));
      assertEquals("fail", JsonFields.string(dataCheck(decision, "unknown_eval_items"), "outcome"));
      for (JsonNode check : JsonFields.array(decision, "checks")) {
        if (JsonFields.string(JsonFields.asObject(check), "name").equals("rmse_regression_abs")) {
          assertEquals("not_comparable", JsonFields.string(check, "outcome"));
        }
      }
      String page = promotionPage(runner, registry, 2);
      assertTrue(page.contains("id=\"review-required\""), page);
      assertTrue(page.contains("<strong>not comparable</strong> <code>rmse_regression_abs"), page);
    }
  }

  private static CliRunner.Result run(Path home, String yaml) throws Exception {
    Path config = Files.createTempFile(home.getParent(), "config", ".yaml");
    Files.writeString(config, yaml);
    return CliRunner.run("run", "--home", home.toString(), "--config", config.toString());
  }

  /** ML-100K-shaped synthetic ratings whose user and item ids all differ from the preset's. */
  private static Path disjointRatings(Path file) throws Exception {
    Ratings ratings = SyntheticGenerator.generate(Preset.ML_100K, 7).ratings();
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("user_id,item_id,rating,timestamp\n");
      for (int n = 0; n < ratings.size(); n++) {
        out.write(
            (100_000 + Long.parseLong(ratings.users().id(ratings.user(n))))
                + ","
                + (100_000 + Long.parseLong(ratings.items().id(ratings.item(n))))
                + ","
                + ratings.rating(n)
                + ","
                + ratings.timestamp(n)
                + "\n");
      }
    }
    return file;
  }

  private static JsonNode dataCheck(JsonNode decision, String name) {
    for (JsonNode check : JsonFields.array(decision, "data_checks")) {
      if (JsonFields.string(JsonFields.asObject(check), "name").equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no data check " + name + " in " + decision);
  }

  /** The promotion page of {@code version} as a logged-in reviewer gets it over HTTP. */
  private static String promotionPage(LocalRunner runner, ModelRegistry registry, int version)
      throws Exception {
    Sessions sessions = new Sessions(Clock.systemUTC(), Sessions.IDLE);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ReviewSite site =
        new ReviewSite(
            runner,
            registry,
            HomeReview.sqlite(MetadataStore.open(runner.home().metadataDb()), Clock.systemUTC()),
            List.of(MovieLensMfPipeline.definition()),
            Clock.systemUTC(),
            quiet);
    try (ReviewServer server = ReviewServer.start(site, "127.0.0.1", 0, List.of(), sessions)) {
      Session bob = sessions.open(new Reviewer("bob", Instant.now(), false, false));
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          server.url().resolve("/promotions/" + NAME + "/" + version))
                      .header("Cookie", Requests.SESSION_COOKIE + "=" + bob.id())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      return page.body();
    }
  }

  private static LocalRunner runner(Path home) {
    return TestRunners.duckDbRunner(RecopipeHome.at(home));
  }
}
