package io.recopipe.pipeline.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MovieLens 100K, synthetic and real, as a directory and as GroupLens's zip, each run by the
 * shipped pipeline to a served prediction: the release every tutorial starts from must work in both
 * shapes a user downloads it in.
 */
class MovieLens100kConformanceIT {
  @TempDir Path dir;

  @Test
  void aSyntheticReleaseDirectoryIsServed() throws Exception {
    Fixture fixture = MovieLens100kFixture.write(dir.resolve(MovieLens100kFixture.TOP_FOLDER));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }

  @Test
  void aSyntheticReleaseZipIsServed() throws Exception {
    Path release = dir.resolve(MovieLens100kFixture.TOP_FOLDER);
    Fixture fixture = MovieLens100kFixture.write(release);
    Path zip =
        ReleaseArchive.zip(release, MovieLens100kFixture.TOP_FOLDER, dir.resolve("ml-100k.zip"));
    ServedPipeline.runToServedPrediction(fixture.at(zip), dir.resolve("home"));
  }

  @Test
  void theRealReleaseDirectoryIsServed() throws Exception {
    Path real = realRelease();
    ServedPipeline.runToServedPrediction(MovieLens100kFixture.real(real), dir.resolve("home"));
  }

  @Test
  void theRealReleaseZipIsServed() throws Exception {
    Path real = realRelease();
    Path zip =
        ReleaseArchive.zip(real, MovieLens100kFixture.TOP_FOLDER, dir.resolve("ml-100k.zip"));
    ServedPipeline.runToServedPrediction(
        MovieLens100kFixture.real(real).at(zip), dir.resolve("home"));
  }

  private static Path realRelease() {
    Optional<Path> real = MovieLens100kFixture.realDirectory();
    assumeTrue(
        real.isPresent(),
        "the real MovieLens 100K is not on this machine (looked in"
            + " $ML100K_DIR and shared/data/ml-100k above "
            + Path.of("").toAbsolutePath()
            + "); set ML100K_DIR to a directory holding u.data to run this case");
    return real.get();
  }
}
