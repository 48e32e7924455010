package io.recopipe.components.tuning;

import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.UnknownKeysException;
import io.recopipe.components.dataset.DatasetInput;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code tune} step, BigQuery ML's hyperparameter tuning for matrix factorization: trials of
 * {@code num_factors}, {@code l2_reg} (and {@code wals_alpha} for implicit feedback) are trained on
 * the TRAIN split minus a seeded validation part and scored on that part, never on the eval split,
 * so the final evaluation stays an honest held-out estimate. The best trial's options go to the
 * train step in {@code best_options.json}, which retrains them on all of TRAIN.
 *
 * <p>With {@code num_trials: 1} (the default) nothing is trained: the artifact says {@code "tuned":
 * false} and the train step keeps its own options.
 */
public final class TuneComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "tune";

  /** The tuning keys and the ALS options that set the trials' base. */
  private static final Set<String> KNOWN =
      Stream.concat(TuningOptions.NAMES.stream(), AlsOptions.NAMES.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** Creates the component. */
  public TuneComponent() {
    super(
        NAME,
        "2",
        List.of(Port.of("dataset", ArtifactType.DATASET)),
        List.of(Port.of("tuning", ArtifactType.TUNING)));
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    options(parameters);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    TuningOptions options = options(context.parameters());
    Path out = context.output("tuning");
    try {
      if (!options.enabled()) {
        context.log().info("num_trials is 1: tuning is off, train keeps its own options");
        TuningFiles.writePassThrough(out, options);
      } else {
        TuningFiles.write(out, options, trials(context, options));
      }
    } catch (IOException e) {
      throw new ComponentException(NAME + ": cannot write " + out + ": " + e.getMessage(), e);
    }
    publish(context);
  }

  private static TuningOptions options(Map<String, String> parameters) throws ComponentException {
    UnknownKeysException.requireKnown(NAME, parameters, KNOWN, "option");
    try {
      return TuningOptions.parse(parameters);
    } catch (IllegalArgumentException e) {
      throw new ComponentException(NAME + ": " + e.getMessage(), e);
    }
  }

  private static List<Trial> trials(StepContext context, TuningOptions options)
      throws ComponentException {
    IngestedDataset dataset = DatasetInput.open(NAME, context, "dataset");
    Ratings train = DatasetInput.required(NAME, dataset, DatasetLayout.TRAIN);
    ValidationSplit split;
    try {
      split = ValidationSplit.of(train, options.validationFraction(), options.seed());
    } catch (IllegalArgumentException e) {
      throw new ComponentException(
          NAME
              + ": cannot split "
              + dataset.directory().resolve(DatasetLayout.TRAIN)
              + ": "
              + e.getMessage(),
          e);
    }
    context
        .log()
        .info(
            String.format(
                Locale.ROOT,
                "%s: %d trials, %d at once, objective %s; "
                    + "fitting on %d ratings of train.tsv, validating on %d (eval.tsv is not read)",
                options.algorithm().configName(),
                options.numTrials(),
                options.maxParallelTrials(),
                options.objective(),
                split.fit().size(),
                split.validation().size()));
    List<Trial> trials;
    try {
      trials =
          new TrialRunner(options.base(), options.objective(), options.maxParallelTrials())
              .run(options.points(), split, t -> context.log().progress(line(t)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComponentException(NAME + ": interrupted while running trials", e);
    }
    Trial best =
        trials.stream()
            .filter(Trial::optimal)
            .findFirst()
            .orElseThrow(
                () ->
                    new ComponentException(
                        NAME + ": every trial failed; the first: " + trials.get(0).errorMessage()));
    context.log().info("best: " + line(best));
    context.metric("best_trial_id", best.trialId());
    context.metric("best_objective", best.objective());
    return trials;
  }

  /** Re-creates the {@code trials} table from the artifact's {@code trials.json}. */
  @Override
  public void publish(StepContext context) throws ComponentException {
    Path file = context.output("tuning").resolve(TuningFiles.TRIALS);
    try {
      context
          .warehouse()
          .replaceTable(
              TrialsTable.NAME, TrialsTable.COLUMNS, TrialsTable.rows(TuningFiles.read(file)));
    } catch (IOException | IllegalArgumentException | WarehouseException e) {
      throw new ComponentException(
          NAME
              + ": cannot publish table "
              + TrialsTable.NAME
              + " from "
              + file
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String line(Trial trial) {
    return String.format(
        Locale.ROOT,
        "trial %d num_factors %d l2_reg %.4g wals_alpha %.4g: %s " + "(%d ms)",
        trial.trialId(),
        trial.hyperparameters().numFactors(),
        trial.hyperparameters().l2Reg(),
        trial.hyperparameters().walsAlpha(),
        trial.errorMessage() == null
            ? String.format(Locale.ROOT, "objective %.5f", trial.objective())
            : "FAILED " + trial.errorMessage(),
        trial.durationMs());
  }
}
