package io.recopipe.pipeline.insight;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.dataset.MovieTitles;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The parts of an ingest DATASET artifact the review page needs, read by its schema: the eval split
 * every model is judged on, the training split (its rows are the rated items when a bundle stores
 * none), the evaluator clipping to the dataset's rating range as the evaluate step does, and the
 * movie titles.
 *
 * @param train the training split, when the artifact has one
 * @param eval the eval split
 * @param evaluator the evaluator the evaluate step would use on this dataset
 * @param titles titles by item id
 */
record InsightDataset(
    Optional<Ratings> train, Ratings eval, RegressionEvaluator evaluator, MovieTitles titles) {

  /**
   * Reads dataset directory {@code dir}.
   *
   * @throws IOException when eval.tsv is missing or empty, or a file cannot be read or is corrupt
   */
  static InsightDataset read(Path dir) throws IOException {
    IngestedDataset dataset = IngestedDataset.open(dir);
    Ratings eval =
        dataset
            .split(DatasetLayout.EVAL)
            .orElseThrow(
                () ->
                    new IOException(
                        "the dataset has no eval split to compare models on: "
                            + DatasetLayout.file(dir, DatasetLayout.EVAL)));
    Optional<Ratings> train = dataset.split(DatasetLayout.TRAIN);
    RegressionEvaluator evaluator = RegressionEvaluator.forRange(dataset.ratingRange());
    try {
      return new InsightDataset(train, eval, evaluator, MovieTitles.read("review", dir));
    } catch (ComponentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
