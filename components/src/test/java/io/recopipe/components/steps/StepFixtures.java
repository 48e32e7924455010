package io.recopipe.components.steps;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.synthetic.RandomSplit;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.components.synthetic.SyntheticSpec;
import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.components.train.TrainComponent;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small synthetic datasets in {@link DatasetLayout} and trained models, for the step tests. */
public final class StepFixtures {
  private StepFixtures() {}

  /**
   * Writes a 60-user, 80-item dataset with a 10% eval split into {@code dir}; movies.tsv names
   * every item but the last.
   */
  public static Path dataset(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    Ratings all = SyntheticGenerator.generate(SyntheticSpec.custom(60, 80, 2_400), seed).ratings();
    TrainTestSplit split = RandomSplit.split(all, 0.1, seed);
    TsvRatingsWriter.write(all, dir.resolve(DatasetLayout.RATINGS));
    TsvRatingsWriter.write(split.train(), dir.resolve(DatasetLayout.TRAIN));
    TsvRatingsWriter.write(split.test(), dir.resolve(DatasetLayout.EVAL));
    List<String> movies = new ArrayList<>();
    List<String> items = new ArrayList<>(all.items().ids());
    for (int i = 0; i < items.size() - 1; i++) {
      movies.add(items.get(i) + "\tMovie " + items.get(i) + " (1995)\tComedy|Drama");
    }
    Files.write(dir.resolve(DatasetLayout.MOVIES), movies);
    return dir;
  }

  /**
   * Trains a small model on {@code dataset} into {@code root}/model and returns its context; the
   * run id is {@code run-} and the root's name, so two roots are two runs.
   */
  public static TestContext train(Path dataset, Path root, String factors, String l2)
      throws Exception {
    TestContext ctx =
        new TestContext(root, "run-" + root.getFileName())
            .input("dataset", dataset)
            .set("num_factors", factors)
            .set("l2_reg", l2)
            .set("max_iterations", "6")
            .set("threads", "2")
            .set("early_stop", "false");
    new TrainComponent().run(ctx);
    return ctx;
  }
}
