package io.recopipe.pipeline.conformance;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MovieLens 1M (whole stars, Latin-1 titles, users.dat) and 10M (half stars, tags.dat, no
 * users.dat) in their {@code ::}-separated layouts, as a directory and as the official zip, each
 * run by the shipped pipeline to a served prediction.
 */
class MovieLensDatConformanceIT {
  @TempDir Path dir;

  @Test
  void oneMillionDirectoryIsServed() throws Exception {
    Fixture fixture =
        MovieLensDatFixtures.writeOneMillion(dir.resolve(MovieLensDatFixtures.ONE_M_FOLDER));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }

  @Test
  void oneMillionZipIsServed() throws Exception {
    Path release = dir.resolve(MovieLensDatFixtures.ONE_M_FOLDER);
    Fixture fixture = MovieLensDatFixtures.writeOneMillion(release);
    Path zip =
        ReleaseArchive.zip(release, MovieLensDatFixtures.ONE_M_FOLDER, dir.resolve("ml-1m.zip"));
    ServedPipeline.runToServedPrediction(fixture.at(zip), dir.resolve("home"));
  }

  @Test
  void tenMillionDirectoryWithHalfStarsIsServed() throws Exception {
    Fixture fixture =
        MovieLensDatFixtures.writeTenMillion(dir.resolve(MovieLensDatFixtures.TEN_M_FOLDER));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }

  @Test
  void tenMillionZipWithHalfStarsIsServed() throws Exception {
    Path release = dir.resolve(MovieLensDatFixtures.TEN_M_FOLDER);
    Fixture fixture = MovieLensDatFixtures.writeTenMillion(release);
    Path zip =
        ReleaseArchive.zip(release, MovieLensDatFixtures.TEN_M_FOLDER, dir.resolve("ml-10m.zip"));
    ServedPipeline.runToServedPrediction(fixture.at(zip), dir.resolve("home"));
  }
}
