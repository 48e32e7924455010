package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.AutoMethod;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluation;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.scoring.RatedItems;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe train}: fits an ALS model on a ratings file or a synthetic preset, shows each
 * iteration as ML.TRAINING_INFO does, prints ML.EVALUATE's columns on the test set and can save the
 * model bundle; the quickest way to see what recopipe's trainer does with your data.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains a model (method auto unless --defaults/--set say otherwise) and "
            + "prints its evaluation.")
final class TrainCommand implements Callable<Integer> {

  static final class Source {
    @Option(
        names = "--train",
        description =
            "Training ratings: a file, directory or zip in any "
                + "MovieLens format, or a delimited file.")
    Path train;

    @Option(
        names = "--preset",
        description =
            "A synthetic preset instead (ml-100k, ml-1m, "
                + "ml-20m), a tenth held out as the test set.")
    String preset;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--test", description = "Test ratings to evaluate on (with --train).")
  Path test;

  @Option(names = "--seed-data", defaultValue = "42", description = "Seed for --preset data.")
  long dataSeed;

  @Option(names = "--out", description = "Save the model bundle to this directory.")
  Path out;

  @Option(names = "--overwrite", description = "Replace an existing bundle at --out.")
  boolean overwrite;

  @Mixin AlsOptionFlags flags;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Ratings train;
    Ratings testSet = null;
    if (source.preset != null) {
      TrainTestSplit split = DataSources.preset(source.preset, dataSeed);
      train = split.train();
      testSet = split.test();
    } else {
      train = DataSources.read(source.train);
      if (test != null) {
        testSet = DataSources.read(test);
      }
    }
    out.printf(
        "train: %,d ratings, %,d users, %,d items%s%n",
        train.size(),
        train.users().size(),
        train.items().size(),
        testSet == null ? "" : String.format("; test: %,d ratings", testSet.size()));
    AutoMethod.Choice choice = AutoMethod.resolve(flags.resolve(Map.of()), train);
    if (!choice.notice().isEmpty()) {
      out.println("train: " + choice.notice());
    }
    if (!choice.ignored().isEmpty()) {
      out.println(
          "train: ignored "
              + String.join(", ", choice.ignored())
              + ": only method gibbs reads them");
    }
    AlsOptions options = choice.options();
    out.println("options: " + options.toMap(train.size()));
    err.println("iteration  loss      eval_loss  duration_ms");
    AlsResult result =
        new AlsTrainer(options)
            .fit(
                train,
                testSet,
                row -> {
                  err.printf(
                      "%9d  %.6f  %9s  %d%n",
                      row.iteration(),
                      row.loss(),
                      row.hasEvalLoss() ? String.format("%.6f", row.evalLoss()) : "-",
                      row.durationMs());
                  err.flush();
                });
    out.printf(
        "fit: %d iterations in %.3f s%s%n",
        result.trainingInfo().size(),
        result.fitSeconds(),
        result.stoppedEarly() ? " (early stop)" : "");
    RegressionEvaluation evaluation = null;
    if (testSet != null) {
      evaluation = RegressionEvaluator.forScaleOf(train).evaluate(result.model(), testSet);
      out.println("ML.EVALUATE (predictions clipped to the training ratings' range):");
      evaluation.asMap().forEach((name, value) -> out.printf("  %-26s %.4f%n", name, value));
      if (evaluation.coldStartRows() > 0) {
        out.printf(
            "  (%d test rows had a user or item unseen in training)%n", evaluation.coldStartRows());
      }
    }
    if (this.out != null) {
      BundleManifest.Builder manifest = BundleManifest.forFit(result);
      if (evaluation != null) {
        manifest.metrics(evaluation.asMap());
      }
      ModelBundle bundle =
          BundleWriter.write(
              this.out,
              result.model(),
              manifest.build(),
              RatedItems.of(train, result.model()),
              overwrite ? BundleWriter.IfExists.REPLACE : BundleWriter.IfExists.FAIL);
      out.printf("bundle: %s (%d files)%n", bundle.directory(), bundle.files().size());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
