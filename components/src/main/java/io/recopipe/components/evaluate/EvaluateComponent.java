package io.recopipe.components.evaluate;

import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.dataset.DatasetInput;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.steps.StepParameters;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.ImplicitEvaluator;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code evaluate} step: scores the trained model (and the current champion, when there is one)
 * on the eval split with ML.EVALUATE's metrics, predictions clipped to the rating range ingest
 * found (the dataset's schema.json), so the gate compares both models on exactly the same rows; an
 * implicit candidate (its manifest says IMPLICIT) is scored with the implicit columns instead
 * ({@link ImplicitEvaluator}).
 */
public final class EvaluateComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "evaluate";

  /** Creates the component. */
  public EvaluateComponent() {
    super(
        NAME,
        "2",
        List.of(Port.of("dataset", ArtifactType.DATASET), Port.of("model", ArtifactType.MODEL)),
        List.of(Port.of("metrics", ArtifactType.METRICS)));
  }

  @Override
  public boolean readsChampion() {
    return true;
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    StepParameters.of(NAME, parameters, Set.of(), "parameter");
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    StepParameters.of(NAME, context.parameters(), Set.of(), "parameter");
    IngestedDataset dataset = DatasetInput.open(NAME, context, "dataset");
    Ratings train = DatasetInput.required(NAME, dataset, DatasetLayout.TRAIN);
    Ratings eval = DatasetInput.required(NAME, dataset, DatasetLayout.EVAL);
    ModelBundle candidate = StepFiles.bundle(NAME, context.input("model"));
    Function<ModelBundle, ModelScores> evaluator =
        evaluator(candidate, train, eval, dataset.ratingRange());
    ModelScores scores = evaluate(evaluator, candidate);
    Optional<ModelScores> champion = Optional.empty();
    Optional<Path> championDir = context.championModel();
    if (championDir.isPresent()) {
      ModelBundle current = StepFiles.bundle(NAME, championDir.get());
      // any model ranks items, so an implicit candidate's champion is ranked alike; but an
      // implicit champion predicts confidence, not ratings, so rating errors would be nonsense
      boolean comparable = !(isImplicit(current) && !isImplicit(candidate));
      if (comparable) {
        champion = Optional.of(evaluate(evaluator, current));
      } else {
        context
            .log()
            .info(
                "the champion is an IMPLICIT model and the candidate EXPLICIT: "
                    + "rating errors do not compare, so the gate treats this like a first run "
                    + "(absolute thresholds only)");
      }
    }
    MetricsReport report = new MetricsReport(scores, champion);
    StepFiles.writeJson(
        NAME, context.output("metrics").resolve(MetricsReport.FILE), report.toJson());
    record(context, report);
    StepFiles.replaceTable(
        NAME,
        context.warehouse(),
        EvaluationTable.NAME,
        EvaluationTable.columns(),
        EvaluationTable.rows(report));
  }

  /**
   * The candidate's evaluation, which the champion gets too so both are judged alike: the explicit
   * columns, or for an IMPLICIT candidate the implicit ones, with the candidate's {@code
   * positive_threshold} deciding which eval ratings are held-out positives.
   */
  private static boolean isImplicit(ModelBundle bundle) {
    return FeedbackType.IMPLICIT.name().equals(bundle.manifest().feedbackType());
  }

  private static Function<ModelBundle, ModelScores> evaluator(
      ModelBundle candidate, Ratings train, Ratings eval, RatingRange range) {
    if (FeedbackType.IMPLICIT.name().equals(candidate.manifest().feedbackType())) {
      Object threshold = candidate.manifest().options().get("positive_threshold");
      ImplicitEvaluator implicit =
          ImplicitEvaluator.withThreshold(threshold instanceof Number n ? n.doubleValue() : 0);
      return bundle -> ModelScores.of(implicit.evaluate(bundle.model(), train, eval));
    }
    RegressionEvaluator regression = RegressionEvaluator.forRange(range);
    return bundle -> ModelScores.of(regression.evaluate(bundle.model(), eval));
  }

  private static ModelScores evaluate(
      Function<ModelBundle, ModelScores> evaluator, ModelBundle bundle) throws ComponentException {
    try {
      return evaluator.apply(bundle);
    } catch (IllegalArgumentException e) {
      throw new ComponentException(NAME + ": " + e.getMessage(), e);
    }
  }

  /** Re-creates {@code evaluation} from {@code metrics.json}. */
  @Override
  public void publish(StepContext context) throws ComponentException {
    MetricsReport report =
        MetricsReport.fromJson(
            StepFiles.readJson(NAME, context.output("metrics").resolve(MetricsReport.FILE)));
    StepFiles.replaceTable(
        NAME,
        context.warehouse(),
        EvaluationTable.NAME,
        EvaluationTable.columns(),
        EvaluationTable.rows(report));
  }

  private static void record(StepContext context, MetricsReport report) {
    ModelScores scores = report.candidate();
    scores.metrics().forEach(context::metric);
    context.metric(ModelScores.ROWS, scores.rows());
    context.metric(ModelScores.COLD_START_ROWS, scores.coldStartRows());
    if (scores.isImplicit()) {
      String line = "%s: mean_average_precision %.4f ndcg %.4f average_rank %.4f";
      context
          .log()
          .info(
              String.format(
                  Locale.ROOT,
                  line + " on %d positives",
                  "candidate",
                  scores.get("mean_average_precision"),
                  scores.get("normalized_discounted_cumulative_gain"),
                  scores.get("average_rank"),
                  scores.rows()));
      report
          .champion()
          .ifPresent(
              c ->
                  context
                      .log()
                      .info(
                          String.format(
                              Locale.ROOT,
                              line,
                              "champion",
                              c.get("mean_average_precision"),
                              c.get("normalized_discounted_cumulative_gain"),
                              c.get("average_rank"))));
      report.deltas().forEach((name, delta) -> context.metric("delta_" + name, delta));
      return;
    }
    String rmse = "root_mean_squared_error";
    context
        .log()
        .info(
            String.format(
                Locale.ROOT,
                "candidate: rmse %.4f r2 %.4f on %d rows " + "(%d cold start)",
                scores.get(rmse),
                scores.get("r2_score"),
                scores.rows(),
                scores.coldStartRows()));
    report
        .champion()
        .ifPresent(
            c ->
                context
                    .log()
                    .info(
                        String.format(
                            Locale.ROOT,
                            "champion: rmse %.4f r2 %.4f",
                            c.get(rmse),
                            c.get("r2_score"))));
    for (Map.Entry<String, Double> delta : report.deltas().entrySet()) {
      context.metric("delta_" + delta.getKey(), delta.getValue());
    }
  }
}
