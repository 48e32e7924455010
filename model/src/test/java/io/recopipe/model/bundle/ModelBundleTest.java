package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.mf.MfModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
  @TempDir Path temp;

  @Test
  void roundTripsEveryBitAndField() throws IOException {
    MfModel model = TestBundles.randomModel(37, 23, 5, 3);
    BundleManifest manifest = TestBundles.manifest(5);
    Path target = temp.resolve("models/m1");
    ModelBundle written = BundleWriter.write(target, model, manifest);

    ModelBundle read = ModelBundle.load(target);

    assertEquals(target.toAbsolutePath(), read.directory());
    assertEquals(ModelBundle.FORMAT_VERSION, read.formatVersion());
    assertEquals(manifest, read.manifest());
    assertEquals(written.files(), read.files());
    assertModelsIdentical(model, read.model());
  }

  @Test
  void roundTripsFactorsSpanningSeveralCopySlices() throws IOException {
    MfModel model = TestBundles.randomModel(6000, 40, 17, 5);
    Path target = temp.resolve("big");
    BundleWriter.write(target, model, TestBundles.manifest(17));
    assertModelsIdentical(model, ModelBundle.load(target).model());
    assertModelsIdentical(model, BundleReader.read(target, false).model());
  }

  @Test
  void loadsWithoutVerificationToo() throws IOException {
    MfModel model = TestBundles.randomModel(5, 4, 3, 9);
    Path target = temp.resolve("m");
    BundleWriter.write(target, model, TestBundles.manifest(3));
    assertModelsIdentical(model, BundleReader.read(target, false).model());
  }

  @Test
  void roundTripsAnEmptyModel() throws IOException {
    MfModel model = TestBundles.randomModel(0, 0, 2, 1);
    Path target = temp.resolve("empty");
    BundleWriter.write(target, model, TestBundles.manifest(2));
    MfModel read = ModelBundle.load(target).model();
    assertEquals(0, read.users().size());
    assertEquals(3.58f, read.globalIntercept());
  }

  @Test
  void manifestRecordsModelFactsAndFileDigests() throws IOException {
    Path target = TestBundles.writeSmall(temp, "m");
    ObjectNode json = TestBundles.readManifest(target);
    assertEquals(
        List.of(
            "format",
            "format_version",
            "model_type",
            "feedback_type",
            "num_factors",
            "num_users",
            "num_items",
            "global_intercept",
            "user_column",
            "item_column",
            "options",
            "training_info",
            "metrics",
            "data_fingerprint",
            "provenance",
            "files"),
        JsonFields.names(json));
    assertEquals("recopipe-mf-bundle", JsonFields.string(json, "format"));
    assertEquals(1, JsonFields.intValue(json, "format_version"));
    assertEquals("MATRIX_FACTORIZATION", JsonFields.string(json, "model_type"));
    assertEquals("EXPLICIT", JsonFields.string(json, "feedback_type"));
    assertEquals(4, JsonFields.intValue(json, "num_factors"));
    assertEquals(12, JsonFields.intValue(json, "num_users"));
    assertEquals(9, JsonFields.intValue(json, "num_items"));
    assertEquals("visitor", JsonFields.string(json, "user_column"));
    assertEquals(4, JsonFields.intValue(JsonFields.object(json, "options"), "num_factors"));
    ObjectNode first = JsonFields.asObject(JsonFields.array(json, "training_info").get(0));
    assertEquals(
        List.of("iteration", "loss", "eval_loss", "duration_ms", "objective"),
        JsonFields.names(first));
    assertTrue(first.get("eval_loss").isNull());
    assertTrue(JsonFields.object(json, "metrics").get("ndcg_at_10").isNull());
    assertEquals("abc123", JsonFields.string(JsonFields.object(json, "provenance"), "git_commit"));
    for (JsonNode file : JsonFields.array(json, "files")) {
      byte[] bytes = Files.readAllBytes(target.resolve(JsonFields.string(file, "name")));
      assertEquals(bytes.length, JsonFields.longValue(file, "bytes"));
      assertEquals(sha256(bytes), JsonFields.string(file, "sha256"));
    }
    assertEquals(BundleLayout.DATA_FILES.size(), JsonFields.array(json, "files").size());
  }

  @Test
  void leavesOnlyTheBundleFilesBehind() throws IOException {
    Path target = TestBundles.writeSmall(temp, "m");
    try (var entries = Files.list(temp)) {
      assertEquals(List.of(target), entries.toList());
    }
    try (var entries = Files.list(target)) {
      assertEquals(BundleLayout.DATA_FILES.size() + 1, entries.count());
    }
  }

  static void assertModelsIdentical(MfModel expected, MfModel actual) {
    assertEquals(expected.users(), actual.users());
    assertEquals(expected.items(), actual.items());
    assertEquals(expected.numFactors(), actual.numFactors());
    assertEquals(
        Float.floatToRawIntBits(expected.globalIntercept()),
        Float.floatToRawIntBits(actual.globalIntercept()));
    assertBitsEqual(expected.userFactors(), actual.userFactors());
    assertBitsEqual(expected.itemFactors(), actual.itemFactors());
    assertBitsEqual(expected.userIntercepts(), actual.userIntercepts());
    assertBitsEqual(expected.itemIntercepts(), actual.itemIntercepts());
    for (int u = 0; u < expected.users().size(); u++) {
      for (int i = 0; i < expected.items().size(); i++) {
        assertEquals(expected.predict(u, i), actual.predict(u, i));
        String user = expected.users().id(u);
        String item = expected.items().id(i);
        assertEquals(expected.predict(user, item), actual.predict(user, item));
      }
    }
  }

  private static void assertBitsEqual(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    int[] expectedBits = new int[expected.length];
    int[] actualBits = new int[actual.length];
    for (int n = 0; n < expected.length; n++) {
      expectedBits[n] = Float.floatToRawIntBits(expected[n]);
      actualBits[n] = Float.floatToRawIntBits(actual[n]);
    }
    assertArrayEquals(expectedBits, actualBits);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
