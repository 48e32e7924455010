package io.recopipe.components.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.DatasetSchema;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataProfileTest {
  @TempDir Path tmp;

  @Test
  void profilesTheRecordedSchemaCountsAndRatingsAndRoundTrips() throws Exception {
    Ratings train = RatingHistogramTest.ratings(1, 2, 2, 5);
    Ratings eval = RatingHistogramTest.ratings(4);
    Path dir = Files.createDirectories(tmp.resolve("data"));
    TsvRatingsWriter.write(train, dir.resolve(DatasetLayout.TRAIN));
    TsvRatingsWriter.write(eval, dir.resolve(DatasetLayout.EVAL));
    Ratings all = RatingHistogramTest.ratings(1, 2, 2, 5, 4);
    TsvRatingsWriter.write(all, dir.resolve(DatasetLayout.RATINGS));
    Files.writeString(
        dir.resolve(DatasetLayout.SCHEMA),
        Json.pretty(DatasetSchema.of(all, 4, 1, "test", "test").toJson()));
    DataProfile profile = DataProfile.of(IngestedDataset.open(dir));

    assertEquals("string", JsonFields.string(profile.schema(), "user_ids"));
    assertEquals(
        5, profile.histogram().buckets().stream().mapToLong(RatingHistogram.Bucket::count).sum());
    assertEquals(4, profile.trainRows());
    assertEquals(1, profile.evalRows());
    assertEquals(profile, DataProfile.fromJson(Json.parse(Json.pretty(profile.toJson()))));
    assertEquals(
        Json.pretty(profile.toJson()),
        Json.pretty(DataProfile.of(IngestedDataset.open(dir)).toJson()));
  }

  @Test
  void aBundleWithoutAProfileHasNoneAndAMalformedOneIsAnError() throws Exception {
    assertTrue(DataProfile.read(tmp).isEmpty());
    Files.writeString(tmp.resolve(DataProfile.FILE), "{\"format_version\": 1}");
    IOException bad = assertThrows(IOException.class, () -> DataProfile.read(tmp));
    assertTrue(bad.getMessage().startsWith(tmp.resolve(DataProfile.FILE) + ": "), bad.getMessage());
  }
}
