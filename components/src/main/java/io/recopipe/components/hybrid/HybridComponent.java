package io.recopipe.components.hybrid;

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
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.hybrid.HybridModel;
import io.recopipe.model.hybrid.HybridOptions;
import io.recopipe.model.hybrid.HybridTrainer;
import io.recopipe.model.hybrid.Metadata;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The optional {@code hybrid} step: fits ridge regressions over MF's factors and the data set's
 * user and item metadata ({@link HybridTrainer}), scores them beside MF on the same eval split, and
 * compares cold-start predictions with the intercept-only fallback; MF stays the served model, so
 * nothing downstream waits on this step. Off unless {@code hybrid.enabled: true}.
 */
public final class HybridComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "hybrid";

  /** The options besides {@code enabled}. */
  private static final Set<String> KNOWN = Set.copyOf(HybridOptions.NAMES);

  /** Whether the step fits anything; off unless set. */
  private static final Option<Boolean> ENABLED =
      Option.of("enabled", OptionType.BOOLEAN, false, "fit and evaluate the hybrid model");

  /** Creates the component. */
  public HybridComponent() {
    super(
        NAME,
        "2",
        List.of(Port.of("dataset", ArtifactType.DATASET), Port.of("model", ArtifactType.MODEL)),
        List.of(Port.of("hybrid", ArtifactType.MODEL), Port.of("metrics", ArtifactType.METRICS)));
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    settings(parameters);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    Settings settings = settings(context.parameters());
    HybridOptions options = settings.options();
    if (!settings.enabled()) {
      HybridFiles.writeDisabled(context.output("hybrid").resolve(HybridFiles.MODEL));
      HybridFiles.writeDisabled(context.output("metrics").resolve(HybridFiles.METRICS));
      context.log().info("hybrid: disabled (set hybrid.enabled: true to fit and evaluate it)");
      return;
    }
    IngestedDataset dataset = DatasetInput.open(NAME, context, "dataset");
    Ratings train = DatasetInput.required(NAME, dataset, DatasetLayout.TRAIN);
    Ratings eval = DatasetInput.required(NAME, dataset, DatasetLayout.EVAL);
    Metadata metadata = ProfileFiles.read(NAME, dataset.directory());
    if (metadata.isEmpty()) {
      context
          .log()
          .info("hybrid: the dataset has no users.tsv or movies.tsv; " + "using MF features only");
    }
    ModelBundle bundle;
    try {
      bundle = ModelBundle.load(context.input("model"));
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException(NAME + ": cannot load the model bundle: " + e.getMessage(), e);
    }
    HybridModel model = new HybridTrainer(options).fit(bundle.model(), train, metadata);
    HybridReport report =
        new HybridEvaluator(RegressionEvaluator.forRange(dataset.ratingRange()), options)
            .evaluate(model, eval, metadata);
    HybridFiles.writeModel(
        context.output("hybrid").resolve(HybridFiles.MODEL), model, !metadata.isEmpty());
    HybridFiles.writeReport(context.output("metrics").resolve(HybridFiles.METRICS), report);
    report
        .flatMetrics()
        .forEach(
            (name, value) -> {
              if (Double.isFinite(value)) {
                context.metric(name, value);
              }
            });
    context
        .log()
        .info(
            String.format(
                Locale.ROOT,
                "hybrid: rmse %.4f (mf %.4f); %d cold-start "
                    + "users%s: hybrid %.4f vs intercept-only %.4f",
                report.get(HybridReport.HYBRID, "root_mean_squared_error"),
                report.get(HybridReport.MF, "root_mean_squared_error"),
                report.coldStartUsers(),
                report.simulatedCold() ? " (simulated)" : "",
                report.get(HybridReport.HYBRID_COLD, "root_mean_squared_error"),
                report.get(HybridReport.INTERCEPT_ONLY_COLD, "root_mean_squared_error")));
    publishTable(context, report);
  }

  /** Re-creates {@code hybrid_evaluation} from {@code metrics.json} (nothing when disabled). */
  @Override
  public void publish(StepContext context) throws ComponentException {
    HybridReport report =
        HybridFiles.readReport(context.output("metrics").resolve(HybridFiles.METRICS));
    if (report != null) {
      publishTable(context, report);
    }
  }

  private static void publishTable(StepContext context, HybridReport report)
      throws ComponentException {
    try {
      context
          .warehouse()
          .replaceTable(HybridTable.NAME, HybridTable.columns(), HybridTable.rows(report));
    } catch (WarehouseException e) {
      throw new ComponentException(
          NAME + ": cannot write table " + HybridTable.NAME + ": " + e.getMessage(), e);
    }
  }

  /** The step's switch and the model's options, read together. */
  private record Settings(boolean enabled, HybridOptions options) {}

  /** Reads the parameters; every bad value is reported in one line naming the step. */
  private static Settings settings(Map<String, String> parameters) throws ComponentException {
    Map<String, String> options = new TreeMap<>(parameters);
    options.remove(ENABLED.name());
    UnknownKeysException.requireKnown(NAME, options, KNOWN, "option");
    OptionReader reader =
        OptionReader.of(parameters, HybridOptions.WORDING, OptionReader.Text.TRIMMED);
    boolean enabled = reader.get(ENABLED);
    HybridOptions read = HybridOptions.read(reader);
    if (!reader.problems().isEmpty()) {
      throw new ComponentException(NAME + ": " + String.join("; ", reader.problems()));
    }
    return new Settings(enabled, read);
  }
}
