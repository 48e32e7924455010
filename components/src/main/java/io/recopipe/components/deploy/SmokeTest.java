package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a freshly started revision against the model it should serve: for a few known users the
 * {@code :predict} answer must have the right shape, count and order and scores equal to the
 * bundle's (and be the bundle's true top K; both clamped into the bundle's prediction range, as
 * serving clamps them), and an unknown user must come back cold-start — a server that loaded the
 * wrong or a corrupted model fails here, before it gets traffic.
 */
final class SmokeTest {
  /** Items asked per user. */
  static final int K = 10;

  /** Largest allowed difference between served and bundle scores. */
  static final double TOLERANCE = 1e-5;

  private final MfModel model;
  private final Optional<RatingRange> range;
  private final String modelName;
  private CompletableFuture<Map<String, Recommendation>> prepared;

  SmokeTest(ModelBundle bundle, String modelName) {
    this.model = bundle.model();
    this.range = bundle.manifest().predictionRange();
    this.modelName = modelName;
  }

  /** Up to {@code count} known users spread over the dictionary. */
  List<String> users(int count) {
    List<String> ids = model.users().ids();
    List<String> picked = new ArrayList<>();
    int n = Math.min(count, ids.size());
    for (int j = 0; j < n; j++) {
      picked.add(ids.get((int) ((long) j * ids.size() / n)));
    }
    return picked;
  }

  /**
   * Starts computing, in the background, the bundle's answers {@link #run} compares with, so that
   * work overlaps the server's start instead of following it.
   */
  SmokeTest prepare(int userCount) {
    List<String> users = users(userCount);
    prepared = CompletableFuture.supplyAsync(() -> expected(users));
    return this;
  }

  /**
   * The bundle's own top K of each of {@code users}, from one recommender. It scores with plain
   * loops ({@link ItemScorer#plain}, the same answers as the screened scorer): for three users,
   * building the int8 screen and running cold Vector API code would cost more CPU than it saves,
   * beside a server starting on the same cores.
   */
  private Map<String, Recommendation> expected(List<String> users) {
    Recommender recommender = new Recommender(ItemScorer.plain(model), RatedItems.none());
    Map<String, Recommendation> top = new LinkedHashMap<>();
    for (String user : users) {
      top.put(user, recommender.recommend(user, K, false));
    }
    return top;
  }

  /** The prepared answers when they are for {@code users}, else computed now. */
  private Map<String, Recommendation> expectedFor(List<String> users) {
    if (prepared != null) {
      try {
        Map<String, Recommendation> top = prepared.join();
        if (top.keySet().equals(new java.util.LinkedHashSet<>(users))) {
          return top;
        }
      } catch (RuntimeException e) {
        // computed again below, where a failure is reported as before
      }
    }
    return expected(users);
  }

  /** Runs the smoke test against the public port of {@code server}. */
  void run(ServingState server, int userCount) throws CheckFailedException {
    int port = server.port();
    List<String> users = users(userCount);
    String unknown = unknownUser();
    List<JsonNode> instances = new ArrayList<>();
    for (String user : users) {
      instances.add(instance(user));
    }
    instances.add(instance(unknown));
    ObjectNode answer;
    try {
      ServingClient.Response response =
          server
              .client()
              .post(
                  port,
                  "/v1/models/" + modelName + ":predict",
                  Json.valueOf(Map.of("instances", instances)));
      if (!response.ok()) {
        throw fail("HTTP " + response.status() + " from :predict: " + response.snippet());
      }
      answer = response.json();
    } catch (IOException e) {
      throw fail(":predict failed: " + e.getMessage());
    }
    try {
      ArrayNode predictions = JsonFields.array(answer, "predictions");
      if (predictions.size() != instances.size()) {
        throw fail(instances.size() + " instances but " + predictions.size() + " predictions");
      }
      Map<String, Recommendation> top = expectedFor(users);
      for (int j = 0; j < users.size(); j++) {
        checkKnown(users.get(j), JsonFields.asObject(predictions.get(j)), top.get(users.get(j)));
      }
      ObjectNode cold = JsonFields.asObject(predictions.get(users.size()));
      if (!cold.has("cold_start") || !JsonFields.bool(cold, "cold_start")) {
        throw fail("user " + unknown + " (unknown) was not answered with cold_start: true");
      }
    } catch (RuntimeException e) {
      throw fail("malformed :predict answer (" + e.getMessage() + ")");
    }
  }

  private void checkKnown(String user, ObjectNode prediction, Recommendation expected)
      throws CheckFailedException {
    // implicit models name their scores predicted_rating_confidence, as BigQuery ML does
    ArrayNode ratings =
        prediction.has("predicted_rating_confidence")
            ? JsonFields.array(prediction, "predicted_rating_confidence")
            : JsonFields.array(prediction, "predicted_rating");
    ArrayNode items = JsonFields.array(prediction, "predicted_item_id");
    if (ratings.size() != K || items.size() != K) {
      throw fail(
          "user "
              + user
              + " got "
              + ratings.size()
              + " ratings and "
              + items.size()
              + " items, expected "
              + K);
    }
    if (prediction.has("cold_start") && JsonFields.bool(prediction, "cold_start")) {
      throw fail("known user " + user + " was answered as cold_start");
    }
    for (int r = 0; r < K; r++) {
      double served = JsonFields.asDouble(ratings.get(r));
      String item = JsonFields.asString(items.get(r));
      if (r > 0 && served > JsonFields.asDouble(ratings.get(r - 1))) {
        throw fail("user " + user + ": ratings not descending at rank " + (r + 1));
      }
      if (model.items().indexOf(item) < 0) {
        throw fail("user " + user + ": item " + item + " is not in the bundle");
      }
      double bundle = served(model.predict(user, item));
      if (Math.abs(served - bundle) > TOLERANCE) {
        throw fail(
            String.format(
                "user %s: score %.5f != bundle %.5f (item %s)", user, served, bundle, item));
      }
      double best = served(expected.ratings()[r]);
      if (Math.abs(served - best) > TOLERANCE) {
        throw fail(
            String.format(
                "user %s: rank %d scores %.5f but the bundle's top %d has %.5f",
                user, r + 1, served, K, best));
      }
    }
  }

  /** A bundle score as serving answers it: clamped into the bundle's prediction range. */
  private float served(float score) {
    return range.isPresent() ? range.get().clamp(score) : score;
  }

  private JsonNode instance(String user) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("user_id", numeric(user) ? (Object) Long.parseLong(user) : user);
    map.put("k", K);
    map.put("exclude_rated", false);
    return Json.valueOf(map);
  }

  /** An id the model has never seen, numeric when the model's ids are. */
  String unknownUser() {
    boolean numeric = model.users().ids().stream().allMatch(SmokeTest::numeric);
    long candidate = 999_999_937L;
    String id = numeric ? Long.toString(candidate) : "recopipe-smoke-unknown";
    while (model.users().indexOf(id) >= 0) {
      id = numeric ? Long.toString(++candidate) : id + "-x";
    }
    return id;
  }

  /** Whether {@code id} matches {@code 0|[1-9][0-9]{0,17}}, without a regex per id. */
  static boolean numeric(String id) {
    int length = id.length();
    if (length == 0 || length > 18 || (id.charAt(0) == '0' && length > 1)) {
      return false;
    }
    for (int n = 0; n < length; n++) {
      char c = id.charAt(n);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static CheckFailedException fail(String what) {
    return new CheckFailedException(
        "smoke test failed" + (what.startsWith("user ") ? " for " : ": ") + what);
  }
}
