package io.recopipe.pipeline.conformance;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amazon review ratings (string ids, float ratings) in the 2018 header-less layout, mapped by
 * position with {@code --set} as its users must, and in the 2023 layout with a header and
 * millisecond timestamps; each is served with string ids that keep their exact text.
 */
class AmazonReviewsConformanceIT {
  @TempDir Path dir;

  @Test
  void the2018RatingsOnlyCsvIsServedWithItsColumnsMappedByPosition() throws Exception {
    Fixture fixture = AmazonReviewsFixture.write2018(dir.resolve("amazon-2018"));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }

  @Test
  void the2023RatingOnlyCsvWithMillisecondTimesIsServed() throws Exception {
    Fixture fixture = AmazonReviewsFixture.write2023(dir.resolve("amazon-2023"));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }
}
