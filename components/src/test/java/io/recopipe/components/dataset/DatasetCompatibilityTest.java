package io.recopipe.components.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.testing.ArtifactFixture;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.testing.BundleFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens dataset artifacts that earlier releases' ingest wrote ({@link ArtifactFixture} says how:
 * one by 6329e23 with schema.json, one by 307b14d from before it, both on 2026-12-03) with today's
 * reader, and checks the ratings it reads against the data fingerprints those releases' training
 * recorded, so that a new reader that parses a split differently fails here.
 */
class DatasetCompatibilityTest {
  @TempDir Path temp;

  @Test
  void readsTheRecordedSchemaAndSplits() throws IOException {
    IngestedDataset dataset = IngestedDataset.open(ArtifactFixture.DATASET.copyTo(temp));
    assertTrue(dataset.hasRecordedSchema());
    DatasetSchema schema = dataset.schema();
    assertEquals(
        new DatasetSchema(
            1,
            IdKind.parse("integer"),
            IdKind.parse("integer"),
            new RatingRange(1f, 5f),
            OptionalDouble.of(1.0),
            32,
            24,
            8,
            8,
            6,
            "sha256:63bdadf2fbe341244d4242841423dfe0dc75e2b4d89ca9b2e193798372041665",
            "/tmp/fixtures-data/tiny.csv",
            "delimited"),
        schema);
    assertEquals(32, dataset.split(DatasetLayout.RATINGS).orElseThrow().size());
    assertEquals(8, dataset.split(DatasetLayout.EVAL).orElseThrow().size());
    Ratings train = dataset.split(DatasetLayout.TRAIN).orElseThrow();
    // the fingerprint the train step recorded in the bundle it trained on this split
    assertEquals(
        "sha256:ce7c113ab93361ea709d21f8631bafc6da93e3224f775db45c1e3caa0936f7bc",
        train.fingerprint());
    assertEquals(
        schema.fingerprint(), dataset.split(DatasetLayout.RATINGS).orElseThrow().fingerprint());
    // schema.json is written as Json.pretty(toJson()) + "\n": deterministic, byte-stable
    assertArrayEquals(
        ArtifactFixture.DATASET.bytes(DatasetLayout.SCHEMA),
        (Json.pretty(schema.toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The profile ingest recorded, the one the export step copied into the bundle (a champion's
   * profile is what the next run's gate compares its data with) and the one today's code computes
   * from the dataset are the same, and re-writing it gives the same bytes.
   */
  @Test
  void readsTheRecordedDataProfileInDatasetAndBundle() throws IOException {
    Path dir = ArtifactFixture.DATASET.copyTo(temp);
    DataProfile recorded = DataProfile.read(dir).orElseThrow();
    DataProfile inBundle =
        DataProfile.read(BundleFixture.EXPLICIT_EXPORT.copyTo(temp)).orElseThrow();
    assertEquals(recorded, inBundle);
    assertEquals(
        List.of(32L, 24L, 8L, 8L, 6L),
        List.of(
            recorded.ratingRows(),
            recorded.trainRows(),
            recorded.evalRows(),
            recorded.users(),
            recorded.items()));
    IngestedDataset dataset = IngestedDataset.open(dir);
    assertEquals(
        recorded,
        DataProfile.of(
            dataset.schema(),
            List.of(
                dataset.split(DatasetLayout.TRAIN).orElseThrow(),
                dataset.split(DatasetLayout.EVAL).orElseThrow())));
    assertArrayEquals(
        ArtifactFixture.DATASET.bytes(DataProfile.FILE),
        (Json.pretty(recorded.toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void derivesTheSchemaOfADatasetWrittenBeforeSchemaJson() throws IOException {
    Path dir = ArtifactFixture.OLD_DATASET.copyTo(temp);
    IngestedDataset dataset = IngestedDataset.open(dir);
    assertFalse(dataset.hasRecordedSchema());
    DatasetSchema schema = dataset.schema();
    assertEquals(
        List.of(480L, 432L, 48L, 40L, 25L),
        List.of(
            schema.ratingRows(),
            schema.trainRows(),
            schema.evalRows(),
            (long) schema.users(),
            (long) schema.items()));
    assertEquals(new RatingRange(1f, 5f), dataset.ratingRange());
    // the fingerprint 307b14d's train step recorded for this split (and the registry kept)
    assertEquals(
        "sha256:10a61d0eb394483a8ddecab8027566854a03ff181bcf31224539b5222978b2aa",
        dataset.split(DatasetLayout.TRAIN).orElseThrow().fingerprint());
    assertFalse(DataProfile.read(dir).isPresent());
  }
}
