package io.recopipe.serving.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedModelTest {
  private static final int USERS = 30;
  private static final int ITEMS = 3_200; // enough items for the screen to pay

  @TempDir Path temp;

  @Test
  void theScreenChangesTheScorerButNoAnswer() throws IOException {
    LoadedModel loaded = new LoadedModel(ModelBundle.load(writeBundle()), "v1", Instant.now());
    Recommendation[] before = recommendAll(loaded);
    ItemScorer exact = loaded.recommender().scorer();
    loaded.prepareScreen();
    assertNotSame(exact, loaded.recommender().scorer(), "requests use the screened scorer");
    Recommendation[] after = recommendAll(loaded);
    for (int u = 0; u < USERS; u++) {
      assertEquals(before[u].itemIds(), after[u].itemIds(), "user " + u);
      assertArrayEquals(before[u].ratings(), after[u].ratings(), "user " + u);
    }
    ItemScorer screened = loaded.recommender().scorer();
    loaded.prepareScreen();
    assertSame(screened, loaded.recommender().scorer(), "a second prepare changes nothing");
  }

  @Test
  void theLoaderServesAtOnceAndScreensInTheBackground() throws Exception {
    LoadedModel loaded = ModelLoader.load(writeBundle());
    ItemScorer unscreened = ItemScorer.withoutScreen(loaded.model());
    Recommendation first = loaded.recommender().recommend("u3", 50, true);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!screened(loaded) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(screened(loaded), "the screen is built in the background");
    Recommendation later = loaded.recommender().recommend("u3", 50, true);
    assertEquals(first.itemIds(), later.itemIds());
    assertArrayEquals(first.ratings(), later.ratings());
    assertNotSame(unscreened, unscreened.withScreen(), "this catalog is large enough to screen");
  }

  /** Whether requests use a scorer that has its screen (withScreen returns such a one as is). */
  private static boolean screened(LoadedModel loaded) {
    ItemScorer scorer = loaded.recommender().scorer();
    return scorer.withScreen() == scorer;
  }

  private static Recommendation[] recommendAll(LoadedModel loaded) {
    Recommendation[] out = new Recommendation[USERS];
    for (int u = 0; u < USERS; u++) {
      out[u] = loaded.recommender().recommend("u" + u, 50, true);
    }
    return out;
  }

  private Path writeBundle() throws IOException {
    int k = 16;
    Random random = new Random(5);
    float[] x = gaussian(random, USERS * k, 0.4);
    float[] y = gaussian(random, ITEMS * k, 0.4);
    MfModel model =
        new MfModel(
            ids("u", USERS),
            ids("i", ITEMS),
            k,
            3.5f,
            x,
            gaussian(random, USERS, 0.3),
            y,
            gaussian(random, ITEMS, 0.3));
    int[] offsets = new int[USERS + 1];
    IntStream.Builder items = IntStream.builder();
    for (int u = 0; u < USERS; u++) {
      int[] row = random.ints(100, 0, ITEMS).sorted().distinct().toArray();
      IntStream.of(row).forEach(items::add);
      offsets[u + 1] = offsets[u] + row.length;
    }
    RatedItems rated = RatedItems.fromCsr(offsets, items.build().toArray(), ITEMS);
    BundleManifest manifest =
        BundleManifest.builder()
            .options(AlsOptions.builder().numFactors(k).build(), 1000)
            .provenance(Provenance.of(5, "sha256:test"))
            .build();
    Path dir = temp.resolve("bundle-" + System.nanoTime());
    BundleWriter.write(dir, model, manifest, rated, BundleWriter.IfExists.FAIL);
    return dir;
  }

  private static float[] gaussian(Random random, int count, double sigma) {
    float[] values = new float[count];
    for (int n = 0; n < count; n++) {
      values[n] = (float) (random.nextGaussian() * sigma);
    }
    return values;
  }

  private static IdDictionary ids(String prefix, int count) {
    return IdDictionary.of(IntStream.range(0, count).mapToObj(n -> prefix + n).toList());
  }
}
