package io.recopipe.pipeline.insight;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.synthetic.RandomSplit;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.components.synthetic.SyntheticSpec;
import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A tiny synthetic DATASET artifact and real ALS bundles trained on it, for insight tests. */
final class InsightFixtures {
  private InsightFixtures() {}

  /**
   * Writes a 50-user, 60-item dataset with a 15% eval split into {@code dir}; movies.tsv titles
   * every item but the last, and item titles contain {@code &} to exercise escaping downstream.
   */
  static Path dataset(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    Ratings all = SyntheticGenerator.generate(SyntheticSpec.custom(50, 60, 1_800), seed).ratings();
    TrainTestSplit split = RandomSplit.split(all, 0.15, seed);
    TsvRatingsWriter.write(all, dir.resolve(DatasetLayout.RATINGS));
    TsvRatingsWriter.write(split.train(), dir.resolve(DatasetLayout.TRAIN));
    TsvRatingsWriter.write(split.test(), dir.resolve(DatasetLayout.EVAL));
    List<String> movies = new ArrayList<>();
    List<String> items = all.items().ids();
    for (int i = 0; i < items.size() - 1; i++) {
      movies.add(items.get(i) + "\tFilm " + items.get(i) + " & Co (1995)\tComedy|Drama");
    }
    Files.write(dir.resolve(DatasetLayout.MOVIES), movies);
    return dir;
  }

  /** Reads split {@code file} of {@code dataset} as the pipeline steps do. */
  static Ratings split(Path dataset, String file) throws IOException {
    return DatasetReader.read(dataset.resolve(file)).ratings();
  }

  /** Trains ALS on the dataset's train split; writes a bundle with rated items to {@code out}. */
  static Path bundle(Path dataset, Path out, int factors, double l2, int iterations)
      throws IOException {
    return bundle(
        dataset,
        out,
        AlsOptions.builder()
            .numFactors(factors)
            .l2Reg(l2)
            .maxIterations(iterations)
            .earlyStop(false)
            .seed(11)
            .threads(1)
            .build());
  }

  /** Trains implicit WALS (alpha 1) on the train split; writes its bundle to {@code out}. */
  static Path implicitBundle(Path dataset, Path out, int factors) throws IOException {
    return bundle(
        dataset,
        out,
        AlsOptions.builder()
            .feedbackType(io.recopipe.model.als.FeedbackType.IMPLICIT)
            .walsAlpha(1.0)
            .numFactors(factors)
            .l2Reg(1.0)
            .maxIterations(5)
            .earlyStop(false)
            .seed(11)
            .threads(1)
            .build());
  }

  private static Path bundle(Path dataset, Path out, AlsOptions options) throws IOException {
    Ratings train = split(dataset, DatasetLayout.TRAIN);
    Ratings eval = split(dataset, DatasetLayout.EVAL);
    AlsResult fit = new AlsTrainer(options).fit(train, eval, iteration -> {});
    BundleManifest manifest = BundleManifest.forFit(fit).build();
    BundleWriter.write(
        out, fit.model(), manifest, RatedItems.of(train, fit.model()), BundleWriter.IfExists.FAIL);
    return out;
  }
}
