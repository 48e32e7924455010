package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A half-star CSV in the MovieLens latest layout runs through the whole shipped pipeline: every
 * step after ingest reads the dataset by its schema, so 0.5 is a rating, not a bad value.
 */
class HalfStarRunTest {
  @TempDir Path dir;

  /** 150 users × 120 items, about a third rated, half stars from a user and an item effect. */
  private Path halfStarCsv() throws IOException {
    Random random = new Random(3);
    double[] users = random.doubles(150).toArray();
    double[] items = random.doubles(120).toArray();
    StringBuilder csv = new StringBuilder("userId,movieId,rating,timestamp\n");
    for (int u = 0; u < users.length; u++) {
      for (int i = 0; i < items.length; i++) {
        if (random.nextDouble() < 0.35) {
          double x = users[u] + items[i] + random.nextGaussian() * 0.1;
          double rating = Math.max(0.5, Math.min(5.0, Math.round(x * 9) / 2.0));
          csv.append(
              String.format(
                  Locale.ROOT, "%d,%d,%.1f,%d%n", u + 1, i + 1, rating, 964982703L + u * 97L + i));
        }
      }
    }
    Path file = dir.resolve("ml-latest-small/ratings.csv");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, csv);
  }

  @Test
  void aHalfStarCsvRunsToTheEndWithTheShippedConfig() throws IOException {
    String home = dir.resolve("home").toString();
    CliRunner.Result run =
        CliRunner.run(
            "run",
            "--home",
            home,
            "--data",
            halfStarCsv().toString(),
            "--set",
            "deploy.enabled=false");
    assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
    assertTrue(run.out().contains(": SUCCEEDED"), run.out());
    assertTrue(run.out().contains("ratings 0.5..5 in steps of 0.5"), run.out());
    CliRunner.Result range =
        CliRunner.run(
            "sql",
            "--home",
            home,
            "--format",
            "tsv",
            "SELECT MIN(predicted_rating) >= 0.5 AND MAX(predicted_rating) <= 5 AS clamped, "
                + "COUNT(*) > 0 AS any FROM recommendations");
    assertEquals(ExitCodes.OK, range.code(), range.err());
    assertEquals(List.of("clamped\tany", "true\ttrue"), range.out().lines().toList());
  }
}
