package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.MovieLensCsvFixtures.Release;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MovieLens 20M, 25M, 32M and latest-small in their CSV layout (header, half stars, quoted titles),
 * each as a directory and the two most downloaded as the official zip, run by the shipped pipeline
 * to a served prediction; the other releases' zips differ only in the container, which the 100K, 1M
 * and 10M cases already cover.
 */
class MovieLensCsvConformanceIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Release.class)
  void releaseDirectoryIsServed(Release release) throws Exception {
    Fixture fixture = MovieLensCsvFixtures.write(release, dir.resolve(release.folder));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Release.class,
      names = {"ML_25M", "ML_LATEST_SMALL"})
  void releaseZipIsServed(Release release) throws Exception {
    Path folder = dir.resolve(release.folder);
    Fixture fixture = MovieLensCsvFixtures.write(release, folder);
    Path zip = ReleaseArchive.zip(folder, release.folder, dir.resolve(release.folder + ".zip"));
    ServedPipeline.runToServedPrediction(fixture.at(zip), dir.resolve("home"));
  }
}
