package io.recopipe.pipeline.insight;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Builds a {@link PromotionInsight} from a candidate bundle, the champion's and the dataset. */
public final class PromotionInsights {
  private PromotionInsights() {
  }

  /**
   * The insight for {@code candidateBundle} against {@code championBundle} on the eval split of
   * {@code datasetDir} (an ingest DATASET artifact: eval.tsv, movies.tsv), with the gate's
   * decision JSON, {@code sampleUsers} users and top {@code topK} items each.
   */
  public static PromotionInsight build(Path candidateBundle, Optional<Path> championBundle,
      Path datasetDir, Optional<String> gateDecisionJson, int sampleUsers, int topK)
      throws IOException {
    throw new UnsupportedOperationException("issue 5: insight");
  }
}
