package io.recopipe.serving.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.testing.BundleFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads the bundles earlier code wrote, the same bytes the model module's {@code
 * BundleCompatibilityTest} reads (shared through its test-jar; {@link BundleFixture} says how each
 * was made, at commit 6329e23 on 2026-12-03 unless noted), through serving's loader, so that a
 * server of a new release still serves a model an old release exported, with the same version name
 * and the same answers.
 */
class ModelLoaderCompatibilityTest {
  @TempDir Path temp;

  static List<BundleFixture> fixtures() {
    return BundleFixture.all();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void loadsUnderTheSameVersionWithTheSamePredictions(BundleFixture fixture) throws IOException {
    Path bundle = fixture.copyTo(temp);
    LoadedModel loaded = ModelLoader.load(bundle);
    assertEquals(fixture.contentVersion(), loaded.version());
    assertEquals(fixture.contentVersion(), ModelLoader.versionOf(bundle));
    MfModel model = loaded.model();
    assertEquals(fixture.userIds(), model.users().ids());
    assertEquals(fixture.itemIds(), model.items().ids());
    int items = model.items().size();
    float[] predictions = new float[model.users().size() * items];
    for (int u = 0; u < model.users().size(); u++) {
      for (int i = 0; i < items; i++) {
        predictions[u * items + i] = model.predict(u, i);
      }
    }
    assertArrayEquals(fixture.predictions(), predictions);
  }

  /** Before and after the item screen is built: the screen must change no answer. */
  @ParameterizedTest
  @MethodSource("fixtures")
  void recommendsTheFirstUserAsRecordedWithAndWithoutTheScreen(BundleFixture fixture)
      throws IOException {
    LoadedModel loaded =
        new LoadedModel(
            ModelBundle.load(fixture.copyTo(temp)), fixture.contentVersion(), Instant.EPOCH);
    for (int pass = 0; pass < 2; pass++) {
      String user = fixture.userIds().get(0);
      assertTop(fixture.top(), loaded.recommender().recommend(user, 3, false));
      assertTop(fixture.topUnrated(), loaded.recommender().recommend(user, 3, true));
      loaded.prepareScreen();
    }
  }

  private static void assertTop(BundleFixture.Top expected, Recommendation actual) {
    assertEquals(expected.itemIds(), actual.itemIds());
    assertArrayEquals(expected.scores(), actual.ratings());
  }

  @Test
  void clampsExplicitRatingsOnlyWhereTheBundleRecordsARange() throws IOException {
    LoadedModel explicit = ModelLoader.load(BundleFixture.EXPLICIT_EXPORT.copyTo(temp));
    assertEquals(5f, explicit.served(5.25f));
    assertEquals(1f, explicit.served(0.5f));
    assertEquals(4.708045f, explicit.served(4.708045f));
    LoadedModel implicit = ModelLoader.load(BundleFixture.IMPLICIT_TRAIN.copyTo(temp));
    assertEquals(-0.255396f, implicit.served(-0.255396f));
    LoadedModel minimal = ModelLoader.load(BundleFixture.MINIMAL.copyTo(temp));
    assertEquals(6.625f, minimal.served(6.625f));
    LoadedModel legacy = ModelLoader.load(BundleFixture.LEGACY.copyTo(temp));
    assertEquals(5f, legacy.served(7f));
  }

  @Test
  void readsRunIdsRatedItemsAndAwkwardIds() throws IOException {
    LoadedModel legacy = ModelLoader.load(BundleFixture.LEGACY.copyTo(temp));
    assertEquals("run-20240501-120000-fixture", legacy.runId());
    assertTrue(legacy.hasRatedItems());
    LoadedModel explicit = ModelLoader.load(BundleFixture.EXPLICIT_EXPORT.copyTo(temp));
    assertEquals("", explicit.runId());
    assertTrue(explicit.hasRatedItems());
    LoadedModel minimal = ModelLoader.load(BundleFixture.MINIMAL.copyTo(temp));
    assertFalse(minimal.hasRatedItems());
    // as Jackson's generator writes them: UTF-8, but a surrogate pair as two escapes
    assertEquals("\"\\uD83D\\uDE00\"", utf8(minimal.itemIdJson(1)));
    assertEquals("\"日本\"", utf8(minimal.itemIdJson(2)));
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
