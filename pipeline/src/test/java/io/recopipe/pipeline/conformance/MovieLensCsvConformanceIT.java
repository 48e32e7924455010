package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.MovieLensCsvFixtures.Release;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MovieLens 20M, 25M, 32M and latest-small in their CSV layout (header, half stars, quoted
 * titles), as a directory and as the official zip, each run by the shipped pipeline to a served
 * prediction.
 */
class MovieLensCsvConformanceIT {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Release.class)
  void releaseDirectoryIsServed(Release release) throws Exception {
    Fixture fixture = MovieLensCsvFixtures.write(release, dir.resolve(release.folder));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }

  @ParameterizedTest
  @EnumSource(Release.class)
  void releaseZipIsServed(Release release) throws Exception {
    Path folder = dir.resolve(release.folder);
    Fixture fixture = MovieLensCsvFixtures.write(release, folder);
    Path zip = ReleaseArchive.zip(folder, release.folder, dir.resolve(release.folder + ".zip"));
    ServedPipeline.runToServedPrediction(fixture.at(zip), dir.resolve("home"));
  }
}
