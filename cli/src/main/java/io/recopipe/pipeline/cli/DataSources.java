package io.recopipe.pipeline.cli;

import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.synthetic.Preset;
import io.recopipe.components.synthetic.RandomSplit;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the CLI gets ratings: files in any format the readers take, synthetic presets with a
 * held-out tenth, and the local MovieLens 100K copy (found via {@code ML100K_DIR} or beside the
 * project as {@code ../shared/data/ml-100k}).
 */
final class DataSources {
  /** The fraction of a synthetic preset held out for testing. */
  static final double PRESET_TEST_FRACTION = 0.1;

  private DataSources() {}

  /** Reads the ratings at {@code path} (a directory, a zip or one ratings file). */
  static Ratings read(Path path) throws IOException {
    return DatasetReader.read(path).ratings();
  }

  /** Generates preset {@code name} and holds out a tenth with the same seed. */
  static TrainTestSplit preset(String name, long seed) {
    Ratings all = SyntheticGenerator.generate(Preset.fromName(name), seed).ratings();
    return RandomSplit.split(all, PRESET_TEST_FRACTION, seed);
  }

  /** Finds the MovieLens 100K directory, if it is on this machine. */
  static Optional<Path> findMl100k() {
    String env = System.getenv("ML100K_DIR");
    if (env != null && !env.isBlank()) {
      Path dir = Path.of(env);
      return Files.isRegularFile(dir.resolve("u1.base")) ? Optional.of(dir) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/ml-100k");
      if (Files.isRegularFile(candidate.resolve("u1.base"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
