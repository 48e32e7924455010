package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.provenance.Provenance;
import io.recopipe.model.testing.BundleFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the manifests of the bundles earlier code wrote ({@link BundleFixture} says how and when
 * each was made, at commit 6329e23 on 2026-12-03 unless noted) field by field, key order included,
 * so that a new JSON stack that renames, reorders, retypes or drops a field fails here.
 */
class ManifestCompatibilityTest {
  private static final String FINGERPRINT =
      "sha256:ce7c113ab93361ea709d21f8631bafc6da93e3224f775db45c1e3caa0936f7bc";

  @TempDir Path temp;

  @Test
  void explicitExport() throws IOException {
    ModelBundle bundle = read(BundleFixture.EXPLICIT_EXPORT);
    BundleManifest manifest = bundle.manifest();
    assertEquals("EXPLICIT", manifest.feedbackType());
    assertOptions(
        manifest,
        "feedback_type",
        "EXPLICIT",
        "num_factors",
        5L,
        "l2_reg",
        1.0,
        "max_iterations",
        3L,
        "early_stop",
        true,
        "min_rel_progress",
        0.01,
        "l2_reg_mode",
        "plain",
        "intercept_l2_reg",
        1.0,
        "seed",
        42L,
        "threads",
        2L,
        "method",
        "als");
    assertEquals(
        List.of(
            new TrainingIteration(0, 0.4836429958367853, 2.3952764689275057, 0.992032393657042, 0),
            new TrainingIteration(
                1, 0.14169772539777567, 1.9880353154477106, 0.7221841084460027, 0),
            new TrainingIteration(
                2, 0.1271736875095494, 1.9133398673553774, 0.7139950214872091, 0)),
        manifest.trainingInfo());
    assertMetrics(
        manifest,
        "loss",
        0.1271736875095494,
        "iterations",
        3.0,
        "eval_loss",
        1.9133398673553774,
        "eval_root_mean_squared_error",
        1.3832352899472227);
    assertEquals(FINGERPRINT, manifest.dataFingerprint());
    assertEquals(
        new Provenance("0.1.0-SNAPSHOT", "6329e23", 42, FINGERPRINT, null, null),
        manifest.provenance());
    assertEquals("user_id", manifest.userColumn());
    assertEquals("item_id", manifest.itemColumn());
    assertEquals(Optional.of(new RatingRange(1f, 5f)), manifest.ratingRange());
    assertEquals(Optional.of(new RatingRange(1f, 5f)), manifest.predictionRange());
    assertEquals(
        List.of(
            new BundleFile(
                "users.ids",
                72,
                "ad0b0877bc2b5a7d40643dd711d93355b14afb265207961b9c1497f412fa53c7"),
            new BundleFile(
                "items.ids",
                62,
                "b3d97b2965e6173c1c9cc833efe2209553eb05f3a998ba5b36c03c6efb22927e"),
            new BundleFile(
                "user_factors.f32",
                192,
                "40b81913b23a6b7c13f7e79f0853dd7eb5a8f462c6489b3afe2c2c3140b46645"),
            new BundleFile(
                "item_factors.f32",
                152,
                "00591e84cde186244e4ff4078a4e68fb8b3c42c5638c5ac9b2fede3930d96b0f"),
            new BundleFile(
                "user_intercepts.f32",
                64,
                "605f6a7048888453678cadff6a19d32c4badb5ac0aaea27c960f38a51a70559e"),
            new BundleFile(
                "item_intercepts.f32",
                56,
                "a2cfcda3b3ef3a3b4d73e55dd8d53f4c059f60647cbcf81b091229d03837df76"),
            new BundleFile(
                "rated_items.i32",
                164,
                "2ebb691908423e71516a1132077a1235b6892379adf6ff428a2d0a179c022996")),
        bundle.files());
  }

  @Test
  void implicitTrain() throws IOException {
    ModelBundle bundle = read(BundleFixture.IMPLICIT_TRAIN);
    BundleManifest manifest = bundle.manifest();
    assertEquals("IMPLICIT", manifest.feedbackType());
    assertOptions(
        manifest,
        "feedback_type",
        "IMPLICIT",
        "num_factors",
        5L,
        "l2_reg",
        1.0,
        "max_iterations",
        3L,
        "early_stop",
        true,
        "min_rel_progress",
        0.01,
        "wals_alpha",
        40.0,
        "implicit_solver",
        "cg",
        "cg_steps",
        3L,
        "positive_threshold",
        0.0,
        "l2_reg_mode",
        "plain",
        "intercept_l2_reg",
        1.0,
        "seed",
        42L,
        "threads",
        2L,
        "method",
        "als");
    assertEquals(
        List.of(
            new TrainingIteration(0, 1.4344033184038718, 1.017718807411781, 19.66288916407213, 0),
            new TrainingIteration(1, 0.5946235725862995, 0.8720333890774621, 12.326396422355472, 0),
            new TrainingIteration(2, 0.3570646182483394, 0.7805242894766682, 9.71093907539778, 0)),
        manifest.trainingInfo());
    assertMetrics(
        manifest, "loss", 0.3570646182483394, "iterations", 3.0, "eval_loss", 0.7805242894766682);
    assertEquals(
        new Provenance("0.1.0-SNAPSHOT", "6329e23", 42, FINGERPRINT, null, null),
        manifest.provenance());
    // an implicit model records its data's range but serves confidences, never clamped
    assertEquals(Optional.of(new RatingRange(1f, 5f)), manifest.ratingRange());
    assertEquals(Optional.empty(), manifest.predictionRange());
    assertEquals(
        List.of(
            "b9e3445e73aec5f79fedadd3b7855ccefec31cf25822ab7eba79d167e7c3a084",
            "ef4613383faeda20d615e2be9442c143e923c9138e6f37fa6cf67a2d7228bd48"),
        List.of(bundle.files().get(2).sha256(), bundle.files().get(3).sha256()));
  }

  @Test
  void minimal() throws IOException {
    ModelBundle bundle = read(BundleFixture.MINIMAL);
    BundleManifest manifest = bundle.manifest();
    assertEquals("EXPLICIT", manifest.feedbackType());
    assertOptions(manifest, "num_factors", 2L, "feedback_type", "EXPLICIT");
    assertEquals(List.of(), manifest.trainingInfo());
    assertEquals(Map.of(), manifest.metrics());
    assertEquals(
        new Provenance("0.1.0-SNAPSHOT", "6329e23", 7, "sha256:minimal", null, null),
        manifest.provenance());
    assertEquals("visitor", manifest.userColumn());
    assertEquals("product", manifest.itemColumn());
    assertEquals(Optional.empty(), manifest.ratingRange());
    assertEquals(
        List.of(
            "users.ids",
            "items.ids",
            "user_factors.f32",
            "item_factors.f32",
            "user_intercepts.f32",
            "item_intercepts.f32"),
        bundle.files().stream().map(BundleFile::name).toList());
  }

  @Test
  void legacyProvenanceStillNamesItsRunAndTime() throws IOException {
    ModelBundle bundle = read(BundleFixture.LEGACY);
    assertEquals(
        new Provenance(
            "0.1.0-SNAPSHOT",
            "0123abc",
            7,
            "sha256:fixture",
            Instant.parse("2024-05-01T12:00:00Z"),
            "run-20240501-120000-fixture"),
        bundle.manifest().provenance());
    assertEquals(
        List.of(new TrainingIteration(0, 1.25, 1.5, 1.3, 0)), bundle.manifest().trainingInfo());
    assertMetrics(bundle.manifest(), "loss", 1.25);
    assertEquals(Optional.of(new RatingRange(1f, 5f)), bundle.manifest().ratingRange());
  }

  private ModelBundle read(BundleFixture fixture) throws IOException {
    return BundleReader.read(fixture.copyTo(temp));
  }

  /** Options as read: integers as Long, other numbers as Double, in the file's order. */
  private static void assertOptions(BundleManifest manifest, Object... keysAndValues) {
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int n = 0; n < keysAndValues.length; n += 2) {
      expected.put((String) keysAndValues[n], keysAndValues[n + 1]);
    }
    assertEquals(expected, manifest.options());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(manifest.options().keySet()));
    manifest
        .options()
        .forEach(
            (key, value) ->
                assertTrue(
                    expected.get(key).getClass().equals(value.getClass()),
                    key + " is " + value.getClass()));
  }

  private static void assertMetrics(BundleManifest manifest, Object... namesAndValues) {
    Map<String, Double> expected = new LinkedHashMap<>();
    for (int n = 0; n < namesAndValues.length; n += 2) {
      expected.put((String) namesAndValues[n], (Double) namesAndValues[n + 1]);
    }
    assertEquals(expected, manifest.metrics());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(manifest.metrics().keySet()));
  }
}
