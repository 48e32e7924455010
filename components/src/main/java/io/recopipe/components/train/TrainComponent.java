package io.recopipe.components.train;

import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.Warmups;
import io.recopipe.components.dataset.DatasetInput;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.tuning.TunedOptions;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.AutoMethod;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.als.TrainingMethod;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code train} step: fits ALS on the dataset's train split (its eval split reported as {@code
 * eval_loss} per iteration), writes a reproducible model bundle (recording the dataset's rating
 * range, which serving clamps predictions to) and publishes {@code training_info}, so a model and
 * its convergence are one artifact and one table.
 *
 * <p>Parameters are ALS options under BigQuery ML's names ({@code num_factors}, {@code l2_reg}, …;
 * {@code method: auto} is resolved for the train split by {@link AutoMethod}'s rule and its choice
 * printed as one progress line) and {@code engine} ({@code local}, the default, or a profile's
 * engine such as {@code bigquery_ml}; see {@link TrainingEngine}). The bundle is a function of the
 * data, options and seed alone (see {@link ReproducibleManifest}): the same inputs write the same
 * bytes in any run or home.
 */
public final class TrainComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "train";

  /** Creates the component. */
  public TrainComponent() {
    super(
        NAME,
        "3",
        List.of(
            Port.of("dataset", ArtifactType.DATASET), Port.optional("tuning", ArtifactType.TUNING)),
        List.of(Port.of("model", ArtifactType.MODEL)));
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    TrainOptions.parse(NAME, parameters);
  }

  /** Compiles the training kernels in the background when this step trains locally. */
  @Override
  public void prepare(Map<String, String> parameters) {
    try {
      if (TrainOptions.parse(NAME, parameters).engine().equals(TrainOptions.LOCAL_ENGINE)) {
        Warmups.submit(AlsTrainer::warmUp);
      }
    } catch (ComponentException | RuntimeException e) {
      // run reports bad parameters
    }
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    TrainOptions options = tuned(context, TrainOptions.parse(NAME, context.parameters()));
    List<String> dropped = TrainOptions.droppedFor(context.parameters());
    if (!dropped.isEmpty()) {
      context
          .log()
          .info(
              "ignored "
                  + String.join(", ", dropped)
                  + ": only method gibbs reads "
                  + (dropped.size() == 1 ? "it" : "them"));
    }
    IngestedDataset dataset = DatasetInput.open(NAME, context, "dataset");
    Ratings train = DatasetInput.required(NAME, dataset, DatasetLayout.TRAIN);
    Ratings eval = DatasetInput.optional(NAME, dataset, DatasetLayout.EVAL).orElse(null);
    options = resolved(context, options, train);
    context
        .log()
        .info(
            "training on "
                + train.size()
                + " ratings, evaluating on "
                + (eval == null ? 0 : eval.size())
                + "; options "
                + options.options().toMap(train.size()));
    AlsResult fit;
    if (options.engine().equals(TrainOptions.LOCAL_ENGINE)) {
      try {
        fit =
            new AlsTrainer(options.options())
                .fit(train, eval, it -> context.log().progress(progressLine(it)));
      } catch (IllegalArgumentException e) {
        throw new ComponentException(NAME + ": " + e.getMessage(), e);
      }
    } else {
      fit = engine(context, options.engine()).fit(train, eval, options.options(), context);
    }
    Map<String, Double> metrics = metrics(fit, dataset.ratingRange(), eval);
    BundleManifest manifest = ReproducibleManifest.of(fit, metrics, dataset.ratingRange());
    Path out = context.output("model");
    try {
      // the training split's rated items go along, so serving can exclude them
      BundleWriter.write(
          out,
          fit.model(),
          manifest,
          RatedItems.of(train, fit.model()),
          BundleWriter.IfExists.REPLACE);
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException(
          NAME + ": cannot write the model bundle to " + out + ": " + e.getMessage(), e);
    }
    metrics.forEach(context::metric);
    context.metric("fit_seconds", fit.fitSeconds());
    context
        .log()
        .info(
            String.format(
                Locale.ROOT,
                "trained %d factors in %d iterations " + "(%.1f s)%s",
                fit.numFactors(),
                fit.trainingInfo().size(),
                fit.fitSeconds(),
                fit.stoppedEarly() ? ", stopped early" : ""));
    StepFiles.replaceTable(
        NAME,
        context.warehouse(),
        TrainingInfoTable.NAME,
        TrainingInfoTable.COLUMNS,
        TrainingInfoTable.rows(fit.trainingInfo(), true));
  }

  /**
   * Re-creates {@code training_info} from the bundle's manifest; {@code duration_ms} is NULL there,
   * since the bundle does not store durations and this execution trained nothing.
   */
  @Override
  public void publish(StepContext context) throws ComponentException {
    ModelBundle bundle = StepFiles.bundle(NAME, context.output("model"));
    StepFiles.replaceTable(
        NAME,
        context.warehouse(),
        TrainingInfoTable.NAME,
        TrainingInfoTable.COLUMNS,
        TrainingInfoTable.rows(bundle.manifest().trainingInfo(), false));
  }

  /**
   * The options with the tune step's winner applied when a {@code tuning} input is connected (see
   * {@link TunedOptions}); unchanged without one.
   */
  private static TrainOptions tuned(StepContext context, TrainOptions options)
      throws ComponentException {
    if (!context.hasInput("tuning")) {
      return options;
    }
    Path dir = context.input("tuning");
    try {
      return new TrainOptions(
          TunedOptions.apply(options.options(), dir, context.log()::info), options.engine());
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException(
          NAME + ": cannot apply the tuned options of " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The options with {@code method: auto} resolved for {@code train} by the documented rule ({@link
   * AutoMethod}), its choice logged as one notice line; another engine than the local one fits ALS
   * only, so auto means als there.
   */
  static TrainOptions resolved(StepContext context, TrainOptions options, Ratings train)
      throws ComponentException {
    AlsOptions als = options.options();
    if (als.method() != TrainingMethod.AUTO) {
      return options;
    }
    if (!options.engine().equals(TrainOptions.LOCAL_ENGINE)) {
      context.log().progress("auto chose als: engine " + options.engine() + " fits ALS only");
      return new TrainOptions(
          als.toBuilder().method(TrainingMethod.ALS).numSamples(1).burnInIterations(null).build(),
          options.engine());
    }
    AutoMethod.Choice choice;
    try {
      choice = AutoMethod.resolve(als, train);
    } catch (IllegalArgumentException e) {
      throw new ComponentException(NAME + ": method auto: " + e.getMessage(), e);
    }
    context.log().progress(choice.notice());
    if (!choice.ignored().isEmpty()) {
      context
          .log()
          .info(
              "ignored "
                  + String.join(", ", choice.ignored())
                  + ": only method "
                  + "gibbs reads "
                  + (choice.ignored().size() == 1 ? "it" : "them")
                  + ", and auto chose "
                  + choice.options().method().configName());
    }
    return new TrainOptions(choice.options(), options.engine());
  }

  /** The profile's engine named {@code name}; refused when the profile installed none. */
  private static TrainingEngine engine(StepContext context, String name) throws ComponentException {
    return context
        .service(TrainingEngine.class)
        .filter(e -> e.name().equals(name))
        .orElseThrow(
            () ->
                new ComponentException(
                    NAME
                        + ": "
                        + TrainOptions.ENGINE
                        + "="
                        + name
                        + " is not available in this profile (local: "
                        + TrainOptions.LOCAL_ENGINE
                        + "; bigquery_ml needs --profile gcp)"));
  }

  private static Map<String, Double> metrics(AlsResult fit, RatingRange range, Ratings eval) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    TrainingIteration last = fit.lastIteration();
    metrics.put("loss", last.loss());
    metrics.put("iterations", (double) fit.trainingInfo().size());
    if (eval != null) {
      metrics.put("eval_loss", last.evalLoss());
      if (fit.options().feedbackType() == io.recopipe.model.als.FeedbackType.EXPLICIT) {
        metrics.put(
            "eval_root_mean_squared_error",
            RegressionEvaluator.forRange(range)
                .evaluate(fit.model(), eval)
                .get("root_mean_squared_error"));
      }
    }
    return metrics;
  }

  static String progressLine(TrainingIteration it) {
    String line = String.format(Locale.ROOT, "iteration %d loss %.4f", it.iteration(), it.loss());
    if (it.hasEvalLoss()) {
      line += String.format(Locale.ROOT, " eval_loss %.4f", it.evalLoss());
    }
    return line + " (" + it.durationMs() + " ms)";
  }
}
