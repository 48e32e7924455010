package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's optional rating range: written after the id columns, read back, or absent. */
class BundleRatingRangeTest {
  @TempDir Path temp;

  private Path writeWithRange(RatingRange range) throws IOException {
    BundleManifest manifest =
        BundleManifest.builder()
            .options(TestBundles.manifest(4).options())
            .provenance(TestBundles.manifest(4).provenance())
            .ratingRange(range)
            .build();
    Path target = temp.resolve("ranged");
    BundleWriter.write(target, TestBundles.randomModel(12, 9, 4, 1), manifest);
    return target;
  }

  @Test
  void recordsTheRangeAfterTheIdColumnsAndReadsItBack() throws IOException {
    Path bundle = writeWithRange(new RatingRange(0.1f, 100f));
    ObjectNode json = TestBundles.readManifest(bundle);
    List<String> keys = JsonFields.names(json);
    assertEquals(keys.indexOf("item_column") + 1, keys.indexOf("rating_min"), keys.toString());
    assertEquals(keys.indexOf("rating_min") + 1, keys.indexOf("rating_max"), keys.toString());
    assertTrue(Files.readString(bundle.resolve("manifest.json")).contains("\"rating_min\": 0.1,"));
    assertEquals(100.0, JsonFields.doubleValue(json, "rating_max"));
    BundleManifest read = ModelBundle.load(bundle).manifest();
    assertEquals(Optional.of(new RatingRange(0.1f, 100f)), read.ratingRange());
    assertEquals(read.ratingRange(), read.predictionRange());
  }

  @Test
  void aManifestWrittenBeforeTheRangeExistedStillLoads() throws IOException {
    Path bundle = TestBundles.writeSmall(temp, "old");
    try (InputStream fixture =
        getClass().getResourceAsStream("manifest-before-rating-range.json")) {
      Files.write(bundle.resolve("manifest.json"), fixture.readAllBytes());
    }
    ModelBundle loaded = ModelBundle.load(bundle);
    assertFalse(TestBundles.readManifest(bundle).has("rating_min"));
    assertEquals(Optional.empty(), loaded.manifest().ratingRange());
    assertEquals(Optional.empty(), loaded.manifest().predictionRange());
    assertEquals(12, loaded.model().users().size());
    assertEquals("visitor", loaded.manifest().userColumn());
  }

  @Test
  void implicitModelsAreNeverClampedThoughTheyRecordTheRange() {
    BundleManifest implicit =
        BundleManifest.builder()
            .feedbackType("IMPLICIT")
            .provenance(TestBundles.manifest(4).provenance())
            .ratingRange(new RatingRange(1, 5))
            .build();
    assertEquals(Optional.of(new RatingRange(1, 5)), implicit.ratingRange());
    assertEquals(Optional.empty(), implicit.predictionRange());
  }

  @Test
  void refusesHalfARangeOrAnInvertedOne() throws IOException {
    Path bundle = writeWithRange(new RatingRange(1, 5));
    TestBundles.editManifest(bundle, json -> TestBundles.with(json, "rating_max", null));
    BundleFormatException half =
        assertThrows(BundleFormatException.class, () -> ModelBundle.load(bundle));
    assertTrue(
        half.getMessage().contains("'rating_min' and 'rating_max' go together"), half.getMessage());
    TestBundles.editManifest(bundle, json -> TestBundles.with(json, "rating_max", 0.5));
    BundleFormatException inverted =
        assertThrows(BundleFormatException.class, () -> ModelBundle.load(bundle));
    assertTrue(inverted.getMessage().contains("min <= max"), inverted.getMessage());
  }
}
