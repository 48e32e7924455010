package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import io.recopipe.model.testing.PlantedRatings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle that records its rating range serves explicit ratings clamped into it, ranked by the raw
 * score; implicit confidences and bundles without a range are served as scored.
 */
class RatingRangeServingTest {
  /** Narrower than the model's predictions, so clamping shows at both ends. */
  private static final RatingRange NARROW = new RatingRange(2.5f, 3.5f);

  @TempDir Path temp;

  private ModelBundle bundle(FeedbackType type, RatingRange range) throws Exception {
    PlantedRatings.Split data = PlantedRatings.generate(60, 50, 3, 0.3, 0.2, 5);
    AlsResult fit =
        new AlsTrainer(
                AlsOptions.builder()
                    .feedbackType(type)
                    .numFactors(4)
                    .maxIterations(3)
                    .l2Reg(0.5)
                    .threads(1)
                    .build())
            .fit(data.train());
    BundleManifest manifest = BundleManifest.forFit(fit).ratingRange(range).build();
    return BundleWriter.write(
        temp.resolve(type + "-" + (range != null)),
        fit.model(),
        manifest,
        RatedItems.of(data.train(), fit.model()),
        BundleWriter.IfExists.FAIL);
  }

  private static Recommendation raw(ModelBundle bundle, String user, int k) {
    return new Recommender(new ItemScorer(bundle.model()), bundle.ratedItems().orElseThrow())
        .recommend(user, k, true);
  }

  private static JsonNode predict(TestServer server, String instance) throws Exception {
    return TestServer.json(server.predict("{\"instances\": [" + instance + "]}"))
        .get("predictions")
        .get(0);
  }

  @Test
  void explicitRatingsAreClampedAndRankedByTheRawScore() throws Exception {
    ModelBundle bundle = bundle(FeedbackType.EXPLICIT, NARROW);
    Recommendation raw = raw(bundle, "u1", 50);
    float[] clamped = new float[raw.ratings().length];
    for (int n = 0; n < clamped.length; n++) {
      clamped[n] = NARROW.clamp(raw.ratings()[n]);
    }
    assertTrue(raw.ratings()[0] > NARROW.max(), "the fixture must predict above the range");
    assertTrue(
        raw.ratings()[raw.ratings().length - 1] < NARROW.min(),
        "the fixture must predict below the range");
    try (TestServer server = TestServer.start(bundle.directory())) {
      JsonNode top = predict(server, "{\"user_id\": \"u1\"}");
      assertArrayEquals(clamped, TestServer.floats(top.get("predicted_rating")));
      assertEquals(raw.itemIds(), TestServer.strings(top.get("predicted_item_id")));
      String first = raw.itemIds().get(0);
      String last = raw.itemIds().get(raw.itemIds().size() - 1);
      JsonNode listed =
          predict(
              server, "{\"user_id\": \"u1\", \"item_ids\": [\"" + last + "\", \"" + first + "\"]}");
      assertArrayEquals(
          new float[] {NARROW.min(), NARROW.max()},
          TestServer.floats(listed.get("predicted_rating")));
    }
  }

  @Test
  void implicitConfidencesAndBundlesWithoutARangeAreNotClamped() throws Exception {
    for (ModelBundle bundle :
        List.of(bundle(FeedbackType.IMPLICIT, NARROW), bundle(FeedbackType.EXPLICIT, null))) {
      String field =
          bundle.manifest().feedbackType().equals("IMPLICIT")
              ? "predicted_rating_confidence"
              : "predicted_rating";
      try (TestServer server = TestServer.start(bundle.directory())) {
        JsonNode top = predict(server, "{\"user_id\": \"u1\"}");
        assertArrayEquals(
            raw(bundle, "u1", 50).ratings(), TestServer.floats(top.get(field)), field);
      }
    }
  }
}
