package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictApiTest {
  @TempDir static Path temp;
  static ModelBundle bundle;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    bundle = TestBundles.write(temp, "m", 7);
    server = TestServer.start(bundle.directory());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Recommendation expected(String user, int k, boolean exclude) {
    return new Recommender(new ItemScorer(bundle.model()), bundle.ratedItems().orElseThrow())
        .recommend(user, k, exclude);
  }

  private static void assertRow(Recommendation expected, JsonNode row) {
    assertEquals(expected.itemIds(), TestServer.strings(row.get("predicted_item_id")));
    float[] ratings = TestServer.floats(row.get("predicted_rating"));
    assertArrayEquals(expected.ratings(), ratings);
    for (int n = 1; n < ratings.length; n++) {
      assertTrue(ratings[n - 1] >= ratings[n], "descending");
    }
  }

  @Test
  void seedRequestGetsTheSeedShape() throws Exception {
    HttpResponse<String> response = server.predict("{\"instances\": [{\"user_id\": \"u1\"}]}");
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonNode json = TestServer.json(response);
    assertEquals(List.of("predictions"), iterable(json.fieldNames()));
    JsonNode row = json.get("predictions").get(0);
    assertEquals(List.of("predicted_rating", "predicted_item_id"), iterable(row.fieldNames()));
    assertEquals(50, row.get("predicted_rating").size());
    assertRow(expected("u1", 50, true), row);
  }

  @Test
  void scoresEqualTheModelsBitForBit() throws Exception {
    MfModel model = bundle.model();
    JsonNode row =
        TestServer.json(
                server.predict(
                    "{\"instances\":[{\"user_id\":\"u3\",\"k\":70,\"exclude_rated\":false}]}"))
            .get("predictions")
            .get(0);
    List<String> items = TestServer.strings(row.get("predicted_item_id"));
    float[] ratings = TestServer.floats(row.get("predicted_rating"));
    assertEquals(model.items().size(), items.size());
    int u = model.users().indexOf("u3");
    for (int n = 0; n < items.size(); n++) {
      assertEquals(
          Float.floatToIntBits(model.predict(u, model.items().indexOf(items.get(n)))),
          Float.floatToIntBits(ratings[n]),
          items.get(n));
    }
  }

  @Test
  void kAndExcludeRatedPerInstance() throws Exception {
    JsonNode predictions =
        TestServer.json(
                server.predict(
                    "{\"instances\":["
                        + "{\"user_id\":\"u2\",\"k\":5},"
                        + "{\"user_id\":\"u2\",\"k\":5,\"exclude_rated\":false},"
                        + "{\"user_id\":\"u4\",\"k\":1}]}"))
            .get("predictions");
    assertEquals(3, predictions.size());
    assertRow(expected("u2", 5, true), predictions.get(0));
    assertRow(expected("u2", 5, false), predictions.get(1));
    assertRow(expected("u4", 1, true), predictions.get(2));
    int u = bundle.model().users().indexOf("u2");
    int[] rated = bundle.ratedItems().orElseThrow().itemsOf(u);
    assertTrue(rated.length > 0);
    for (String item : TestServer.strings(predictions.get(0).get("predicted_item_id"))) {
      int index = bundle.model().items().indexOf(item);
      assertTrue(java.util.Arrays.binarySearch(rated, index) < 0, "rated item " + item);
    }
  }

  @Test
  void itemIdsAreScoredInTheGivenOrder() throws Exception {
    MfModel model = bundle.model();
    JsonNode row =
        TestServer.json(
                server.predict(
                    "{\"instances\":[{\"user_id\":\"u5\","
                        + "\"item_ids\":[\"i9\",\"i2\",\"nope\",\"i40\"]}]}"))
            .get("predictions")
            .get(0);
    assertEquals(
        List.of("i9", "i2", "nope", "i40"), TestServer.strings(row.get("predicted_item_id")));
    float[] ratings = TestServer.floats(row.get("predicted_rating"));
    String[] items = {"i9", "i2", "nope", "i40"};
    for (int n = 0; n < items.length; n++) {
      assertEquals(model.predict("u5", items[n]), ratings[n], 0f);
    }
    assertFalse(row.has("cold_start"));
  }

  @Test
  void unknownUsersGetInterceptsAndColdStart() throws Exception {
    MfModel model = bundle.model();
    JsonNode predictions =
        TestServer.json(
                server.predict(
                    "{\"instances\":[{\"user_id\":12345,\"k\":10},{\"user_id\":\"stranger\",\"k\":10}]}"))
            .get("predictions");
    for (JsonNode row : predictions) {
      assertTrue(row.get("cold_start").asBoolean());
      List<String> items = TestServer.strings(row.get("predicted_item_id"));
      float[] ratings = TestServer.floats(row.get("predicted_rating"));
      for (int n = 0; n < items.size(); n++) {
        int i = model.items().indexOf(items.get(n));
        assertEquals(model.globalIntercept() + model.itemIntercept(i), ratings[n], 0f);
      }
    }
    assertEquals(
        TestServer.strings(predictions.get(0).get("predicted_item_id")),
        TestServer.strings(predictions.get(1).get("predicted_item_id")));
  }

  @Test
  void numericUserIdsAreTheirDecimalText() throws Exception {
    JsonNode row =
        TestServer.json(server.predict("{\"instances\":[{\"user_id\":7,\"k\":3}]}"))
            .get("predictions")
            .get(0);
    assertRow(expected("7", 3, true), row);
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> out = new java.util.ArrayList<>();
    iterator.forEachRemaining(out::add);
    return out;
  }
}
