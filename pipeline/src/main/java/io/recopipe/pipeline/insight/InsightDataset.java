package io.recopipe.pipeline.insight;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.steps.MovieTitles;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The parts of an ingest DATASET artifact the review page needs: the eval split every model is
 * judged on, the training split (its rating scale sets the clipping, as in the evaluate step, and
 * its rows are the rated items when a bundle stores none) and the movie titles.
 *
 * @param train     the training split, when the artifact has one
 * @param eval      the eval split
 * @param evaluator the evaluator the evaluate step would use on this dataset
 * @param titles    titles by item id
 */
record InsightDataset(Optional<Ratings> train, Ratings eval, RegressionEvaluator evaluator,
    MovieTitles titles) {

  /**
   * Reads dataset directory {@code dir}.
   *
   * @throws IOException when eval.tsv is missing or empty, or a file cannot be read
   */
  static InsightDataset read(Path dir) throws IOException {
    Path evalFile = DatasetLayout.file(dir, DatasetLayout.EVAL);
    if (!Files.isRegularFile(evalFile) || Files.size(evalFile) == 0) {
      throw new IOException("the dataset has no eval split to compare models on: " + evalFile);
    }
    Ratings eval = DatasetReader.read(evalFile).ratings();
    Path trainFile = DatasetLayout.file(dir, DatasetLayout.TRAIN);
    Optional<Ratings> train = Files.isRegularFile(trainFile) && Files.size(trainFile) > 0
        ? Optional.of(DatasetReader.read(trainFile).ratings()) : Optional.empty();
    RegressionEvaluator evaluator = train.map(RegressionEvaluator::forScaleOf)
        .orElseGet(RegressionEvaluator::create);
    try {
      return new InsightDataset(train, eval, evaluator, MovieTitles.read("review", dir));
    } catch (ComponentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
