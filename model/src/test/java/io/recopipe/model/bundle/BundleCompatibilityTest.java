package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import io.recopipe.model.testing.BundleFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the bundles earlier code wrote ({@link BundleFixture} says how and when each was made: the
 * pipeline's export and train outputs and a hand-made model, all at commit 6329e23 on 2026-12-03,
 * and the pre-content-version writer's bundle) with today's reader and writer, so that a new
 * reader, writer or JSON library that cannot read them, reads them differently or writes them
 * differently fails here, not in a home. The manifests' fields are checked in {@link
 * ManifestCompatibilityTest}.
 */
class BundleCompatibilityTest {
  @TempDir Path temp;

  static List<BundleFixture> fixtures() {
    return BundleFixture.all();
  }

  /** The fixtures today's writer wrote; the legacy one has fields today's reader drops. */
  static Stream<BundleFixture> writtenByToday() {
    return Stream.of(
        BundleFixture.EXPLICIT_EXPORT, BundleFixture.IMPLICIT_TRAIN, BundleFixture.MINIMAL);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void readsIdsInterceptAndPredictionsBitForBit(BundleFixture fixture) throws IOException {
    ModelBundle bundle = BundleReader.read(fixture.copyTo(temp));
    MfModel model = bundle.model();
    assertEquals(1, bundle.formatVersion());
    assertEquals(fixture.userIds(), model.users().ids());
    assertEquals(fixture.itemIds(), model.items().ids());
    assertEquals(
        Float.floatToRawIntBits(fixture.globalIntercept()),
        Float.floatToRawIntBits(model.globalIntercept()));
    assertArrayEquals(fixture.predictions(), predictions(model));
    assertEquals(fixture.contentVersion(), ContentVersion.of(bundle));
    assertEquals(fixture.contentVersion(), ContentVersion.of(bundle.directory()));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void readsTheSameNumbersWithoutChecksums(BundleFixture fixture) throws IOException {
    Path copy = fixture.copyTo(temp);
    MfModel verified = BundleReader.read(copy, true).model();
    MfModel unverified = BundleReader.read(copy, false).model();
    assertArrayEquals(verified.userFactors(), unverified.userFactors());
    assertArrayEquals(verified.itemFactors(), unverified.itemFactors());
    assertArrayEquals(predictions(verified), predictions(unverified));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void recommendsTheFirstUserAsRecorded(BundleFixture fixture) throws IOException {
    ModelBundle bundle = BundleReader.read(fixture.copyTo(temp));
    Recommender recommender =
        new Recommender(
            new ItemScorer(bundle.model()), bundle.ratedItems().orElse(RatedItems.none()));
    String user = fixture.userIds().get(0);
    assertTop(fixture.top(), recommender.recommend(user, 3, false));
    assertTop(fixture.topUnrated(), recommender.recommend(user, 3, true));
  }

  private static void assertTop(BundleFixture.Top expected, Recommendation actual) {
    assertFalse(actual.coldStart());
    assertEquals(expected.itemIds(), actual.itemIds());
    assertArrayEquals(expected.scores(), actual.ratings());
  }

  @Test
  void readsTheFactorsOfEveryFixtureBitForBit() throws IOException {
    MfModel explicit = BundleReader.read(BundleFixture.EXPLICIT_EXPORT.copyTo(temp)).model();
    assertArrayEquals(EXPLICIT_USER_FACTORS, explicit.userFactors());
    assertArrayEquals(EXPLICIT_ITEM_FACTORS, explicit.itemFactors());
    assertArrayEquals(EXPLICIT_USER_INTERCEPTS, explicit.userIntercepts());
    assertArrayEquals(EXPLICIT_ITEM_INTERCEPTS, explicit.itemIntercepts());
    MfModel implicit = BundleReader.read(BundleFixture.IMPLICIT_TRAIN.copyTo(temp)).model();
    assertArrayEquals(IMPLICIT_USER_FACTORS, implicit.userFactors());
    assertArrayEquals(IMPLICIT_ITEM_FACTORS, implicit.itemFactors());
    assertArrayEquals(new float[8], implicit.userIntercepts());
    assertArrayEquals(new float[6], implicit.itemIntercepts());
    MfModel minimal = BundleReader.read(BundleFixture.MINIMAL.copyTo(temp)).model();
    assertArrayEquals(
        new float[] {0.5f, -1.25f, 2.0f, 0.125f, -0.75f, 1.5f}, minimal.userFactors());
    assertArrayEquals(new float[] {1.0f, 0.25f, -0.5f, 2.0f, 0.375f, -1.0f}, minimal.itemFactors());
    assertArrayEquals(new float[] {0.25f, -0.5f, 0f}, minimal.userIntercepts());
    assertArrayEquals(new float[] {0.75f, -0.25f, 1.0f}, minimal.itemIntercepts());
    MfModel legacy = BundleReader.read(BundleFixture.LEGACY.copyTo(temp)).model();
    assertArrayEquals(new float[] {0.5f, -0.25f, 1.0f, 0.125f, -0.75f, 0.5f}, legacy.userFactors());
    assertArrayEquals(
        new float[] {0.25f, 0.5f, -0.5f, 1.0f, 0.75f, -0.125f, 0.0f, 0.375f}, legacy.itemFactors());
    assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f}, legacy.userIntercepts());
    assertArrayEquals(new float[] {0.05f, -0.15f, 0.25f, 0.0f}, legacy.itemIntercepts());
  }

  @Test
  void readsTheRatedItemsOfEveryFixture() throws IOException {
    List<List<Integer>> trained =
        List.of(
            List.of(0, 1, 2, 3),
            List.of(0, 2, 4),
            List.of(0, 1, 4),
            List.of(1, 2, 3),
            List.of(1, 2, 3),
            List.of(1, 2),
            List.of(2, 3, 5),
            List.of(2, 3, 4));
    assertEquals(trained, rated(BundleFixture.EXPLICIT_EXPORT));
    assertEquals(trained, rated(BundleFixture.IMPLICIT_TRAIN));
    assertEquals(List.of(List.of(0, 2), List.of(1), List.of()), rated(BundleFixture.LEGACY));
    assertFalse(BundleReader.read(BundleFixture.MINIMAL.copyTo(temp)).ratedItems().isPresent());
  }

  private List<List<Integer>> rated(BundleFixture fixture) throws IOException {
    RatedItems rated = BundleReader.read(fixture.copyTo(temp)).ratedItems().orElseThrow();
    List<List<Integer>> rows = new ArrayList<>();
    for (int u = 0; u < rated.userCount(); u++) {
      rows.add(Arrays.stream(rated.itemsOf(u)).boxed().toList());
    }
    return rows;
  }

  /**
   * The writer is deterministic (fixed field order, options and metrics in the order read, no times
   * or environment in the manifest), so re-writing what was read gives the same bytes, every file.
   * The export's {@code data_profile.json} is not part of the bundle format (the manifest does not
   * list it; the export step writes it beside the model files), so it is not re-written.
   */
  @ParameterizedTest
  @MethodSource("writtenByToday")
  void rewritingWhatWasReadGivesTheSameBytes(BundleFixture fixture) throws IOException {
    ModelBundle read = BundleReader.read(fixture.copyTo(temp));
    Path target = temp.resolve("rewritten");
    ModelBundle written =
        read.ratedItems().isPresent()
            ? BundleWriter.write(
                target, read.model(), read.manifest(), read.rated(), BundleWriter.IfExists.FAIL)
            : BundleWriter.write(target, read.model(), read.manifest());
    List<String> expectedFiles = new ArrayList<>(fixture.files());
    expectedFiles.remove("data_profile.json");
    assertEquals(expectedFiles, sortedNames(target));
    for (String file : expectedFiles) {
      assertArrayEquals(fixture.bytes(file), Files.readAllBytes(target.resolve(file)), file);
    }
    assertEquals(read.files(), written.files());
  }

  /**
   * The legacy manifest's provenance holds fields today's reader drops (JVM, OS), so its re-written
   * manifest is shorter; the model files are the same bytes and the manifest reads back equal.
   */
  @Test
  void rewritingTheLegacyBundleKeepsItsModelFilesAndManifestContent() throws IOException {
    BundleFixture fixture = BundleFixture.LEGACY;
    ModelBundle read = BundleReader.read(fixture.copyTo(temp));
    Path target = temp.resolve("rewritten");
    BundleWriter.write(
        target, read.model(), read.manifest(), read.rated(), BundleWriter.IfExists.FAIL);
    for (String file : fixture.files()) {
      if (!file.equals("manifest.json")) {
        assertArrayEquals(fixture.bytes(file), Files.readAllBytes(target.resolve(file)), file);
      }
    }
    ModelBundle again = BundleReader.read(target);
    assertEquals(read.manifest(), again.manifest());
    assertEquals(read.files(), again.files());
    assertEquals(ContentVersion.of(read), ContentVersion.of(again));
  }

  private static List<String> sortedNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static float[] predictions(MfModel model) {
    int items = model.items().size();
    float[] out = new float[model.users().size() * items];
    for (int u = 0; u < model.users().size(); u++) {
      for (int i = 0; i < items; i++) {
        out[u * items + i] = model.predict(u, i);
      }
    }
    return out;
  }

  private static final float[] EXPLICIT_USER_FACTORS = {
    -0.7036985f, -0.010426413f, 0.42286888f, -0.102219634f, -0.43743253f, -0.54433954f,
    0.07468107f, 0.022164162f, -0.13800666f, 0.23784721f, -0.23805776f, 0.10040037f,
    -0.35593283f, -0.13758908f, 0.8202205f, 1.0938228f, -0.18214662f, 0.06394502f,
    0.29823664f, -0.6583463f, -0.3830339f, 0.07284355f, -0.07102677f, -0.11412226f,
    0.31243747f, -0.6681744f, 0.08777987f, 0.009001629f, -0.17563602f, 0.32553315f,
    -0.3777442f, 0.025639921f, 0.10723877f, -0.08089223f, 0.016747888f, -0.30805567f,
    0.025147758f, 0.07862142f, -0.06647298f, 0.022777656f
  };
  private static final float[] EXPLICIT_ITEM_FACTORS = {
    -0.36318767f, -0.06274159f, 0.4979044f, 0.005159051f, -0.7691035f, -0.89718586f,
    0.12324197f, -0.0087152505f, -0.23909669f, 0.47350356f, 1.3742977f, -0.1899765f,
    -0.048288923f, 0.35155416f, -0.60558707f, -0.1170265f, 0.07668219f, -0.21850318f,
    -0.07131498f, 0.44230425f, -0.23714577f, 0.0695327f, -0.18944268f, -0.10212828f,
    0.49322423f, -0.11391149f, 0.0077319033f, 0.032338623f, -0.024393635f, 0.0050504464f
  };
  private static final float[] EXPLICIT_USER_INTERCEPTS = {
    0.5473058f,
    -0.03685315f,
    0.34678903f,
    -0.055073436f,
    0.5282465f,
    0.12233996f,
    -0.48520115f,
    -0.6186236f
  };
  private static final float[] EXPLICIT_ITEM_INTERCEPTS = {
    0.13706903f, 0.8837131f, -0.52050453f, -0.95027924f, 0.7299499f, 0.3015572f
  };
  private static final float[] IMPLICIT_USER_FACTORS = {
    2.9026716f,
    -5.102728f,
    -0.084118485f,
    -1.220328f,
    -0.6016877f,
    3.5293648f,
    -1.9920214f,
    -0.72009915f,
    2.3922276f,
    1.0308392f,
    1.3802441f,
    -6.3040433f,
    -0.5382714f,
    0.88683f,
    2.0085473f,
    2.722054f,
    -3.6830492f,
    -0.075956255f,
    -2.3418868f,
    -0.16017877f,
    2.5770385f,
    -4.231683f,
    -0.26077634f,
    -2.7331557f,
    0.042793036f,
    1.7821866f,
    -4.1703916f,
    0.312657f,
    -2.4803674f,
    -0.41801107f,
    3.2556598f,
    -0.009133071f,
    0.08485544f,
    -1.2066429f,
    1.0700212f,
    3.220845f,
    -0.95239484f,
    -1.1721507f,
    1.2434317f,
    2.044001f
  };
  private static final float[] IMPLICIT_ITEM_FACTORS = {
    0.15388279f, -0.12503433f, -0.004012026f, 0.09913248f, -0.038307257f, -0.0036269967f,
    -0.17309591f, 0.015013464f, -0.11500987f, 0.010495678f, 0.28236365f, -0.033557802f,
    -0.01300264f, -0.055578247f, 0.030545576f, 0.2686893f, -0.024838496f, -0.060668018f,
    -0.07225691f, 0.050135788f, 0.059180625f, -0.044038676f, -0.09038629f, 0.17106812f,
    0.21997927f, 0.16051175f, 0.12558116f, 0.19539154f, -0.13218063f, 0.27647308f
  };
}
