package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import io.recopipe.model.testing.PlantedRatings;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitPredictTest {
  @TempDir Path temp;

  private ModelBundle bundle(FeedbackType type) throws Exception {
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
    BundleManifest manifest = BundleManifest.forFit(fit).build();
    return BundleWriter.write(
        temp.resolve(type.name()),
        fit.model(),
        manifest,
        io.recopipe.model.scoring.RatedItems.of(data.train(), fit.model()),
        BundleWriter.IfExists.FAIL);
  }

  private static List<String> fields(JsonNode row) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void implicitModelsAnswerWithPredictedRatingConfidence() throws Exception {
    ModelBundle bundle = bundle(FeedbackType.IMPLICIT);
    try (TestServer server = TestServer.start(bundle.directory())) {
      JsonNode row =
          TestServer.json(server.predict("{\"instances\": [{\"user_id\": \"u1\"}]}"))
              .get("predictions")
              .get(0);
      assertEquals(List.of("predicted_rating_confidence", "predicted_item_id"), fields(row));
      Recommendation expected =
          new Recommender(new ItemScorer(bundle.model()), bundle.ratedItems().orElseThrow())
              .recommend("u1", 50, true);
      assertArrayEquals(
          expected.ratings(), TestServer.floats(row.get("predicted_rating_confidence")));
      JsonNode listed =
          TestServer.json(
                  server.predict(
                      "{\"instances\": [{\"user_id\": \"u1\", \"item_ids\": [\"i1\", \"i2\"]}]}"))
              .get("predictions")
              .get(0);
      assertEquals(List.of("predicted_rating_confidence", "predicted_item_id"), fields(listed));
    }
  }

  @Test
  void explicitModelsKeepPredictedRating() throws Exception {
    try (TestServer server = TestServer.start(bundle(FeedbackType.EXPLICIT).directory())) {
      JsonNode row =
          TestServer.json(server.predict("{\"instances\": [{\"user_id\": \"u1\"}]}"))
              .get("predictions")
              .get(0);
      assertEquals(List.of("predicted_rating", "predicted_item_id"), fields(row));
    }
  }
}
