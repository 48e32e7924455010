package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobStatistics;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.train.TrainingEngine;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.StagedTables;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.weights.ModelWeights;
import io.recopipe.model.weights.WeightsRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code bigquery_ml} training engine: fits the model with {@code CREATE MODEL …
 * model_type='matrix_factorization'} on the warehouse's {@code train} table and converts
 * ML.TRAINING_INFO, ML.EVALUATE and ML.WEIGHTS into the same {@link AlsResult} the local trainer
 * returns, so gate, export, serving and review cannot tell the engines apart.
 *
 * <p>The {@code train}/{@code eval} tables ingest staged or published are used when their row
 * counts match the ratings the step was given; otherwise (e.g. the ingest step ran elsewhere) the
 * ratings are loaded into the run's {@code bqml_train__r<run>}/{@code bqml_eval__r<run>} first, so
 * the model is always fitted on the data whose fingerprint the bundle records. Every name the
 * engine writes carries the run, so concurrent runs never overwrite each other's model or data.
 * Users and items keep the order of the training ratings' dictionaries, as in a local fit.
 */
public final class BqmlTrainingEngine implements TrainingEngine {
  /** The engine's {@code train.engine} name. */
  public static final String NAME = "bigquery_ml";

  /**
   * The models' base name in the dataset; each run fits {@code recopipe_mf__r<run id>}, so
   * concurrent runs never replace each other's model between CREATE MODEL and ML.WEIGHTS.
   */
  public static final String DEFAULT_MODEL = "recopipe_mf";

  /** How long CREATE MODEL (or any other job) may run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(3);

  private final BigQueryWarehouse warehouse;
  private final BigQueryJobs jobs;
  private final BqmlSql sql;
  private final RatingsTables tables;
  private final String model;

  /** Trains {@value #DEFAULT_MODEL} in {@code config}'s dataset. */
  public BqmlTrainingEngine(BigQuery bigQuery, GcpConfig config) {
    this(bigQuery, config, DEFAULT_MODEL, DEFAULT_TIMEOUT);
  }

  /**
   * Trains run-scoped models named after {@code model} in {@code config}'s dataset, waiting at most
   * {@code timeout} a job.
   */
  public BqmlTrainingEngine(BigQuery bigQuery, GcpConfig config, String model, Duration timeout) {
    this.warehouse = new BigQueryWarehouse(bigQuery, config, timeout);
    this.jobs = warehouse.jobs();
    this.sql = new BqmlSql(config.project(), config.dataset());
    this.tables = new RatingsTables(warehouse, sql);
    this.model = model;
    sql.qualified(model); // refuses a model name that is not a plain identifier, up front
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AlsResult fit(Ratings train, Ratings eval, AlsOptions options, StepContext context)
      throws ComponentException {
    long started = System.nanoTime();
    String model = modelOf(context.runId());
    try {
      BqmlSql.modelOptions(options, train.size());
    } catch (IllegalArgumentException e) {
      throw new ComponentException("train: " + e.getMessage(), e);
    }
    BqmlSql.notes(options).forEach(context.log()::info);
    try {
      String trainTable = tables.tableFor("train", train, context.runId(), context.log());
      String create = sql.createModel(model, trainTable, options, train.size());
      Job job = jobs.run("create_model", warehouse.queryBuilder(create).build(), "model " + model);
      context
          .log()
          .info(
              "CREATE MODEL "
                  + sql.qualified(model)
                  + ": job "
                  + job.getJobId().getJob()
                  + bytes(job));
      List<TrainingIteration> iterations =
          BqmlResults.trainingInfo(query(sql.trainingInfo(model), context));
      if (eval != null && eval.size() > 0) {
        String evalTable = tables.tableFor("eval", eval, context.runId(), context.log());
        iterations = withEvaluation(iterations, evaluate(model, evalTable, context), context);
      }
      MfModel fitted =
          inTrainingOrder(BqmlResults.weights(query(sql.weights(model), context)), train);
      int requested = options.resolvedNumFactors(train.size());
      if (fitted.numFactors() != requested) {
        throw new ComponentException(
            "train: BigQuery ML model "
                + sql.qualified(model)
                + " has "
                + fitted.numFactors()
                + " factors, but num_factors="
                + requested
                + " was requested");
      }
      boolean stoppedEarly = iterations.size() < options.maxIterations();
      return new AlsResult(
          fitted,
          options,
          fitted.numFactors(),
          List.copyOf(iterations),
          stoppedEarly,
          train.fingerprint(),
          train.size(),
          (System.nanoTime() - started) / 1e9,
          0);
    } catch (WarehouseException e) {
      throw new ComponentException("train: BigQuery ML " + e.getMessage(), e);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ComponentException(
          "train: BigQuery ML model "
              + sql.qualified(model)
              + " returned unexpected results: "
              + e.getMessage(),
          e);
    }
  }

  /** The model run {@code runId} fits: the base name and the run's staging key. */
  String modelOf(String runId) {
    return model + StagedTables.SEPARATOR + StagedTables.keyOfRun(runId);
  }

  private Map<String, Double> evaluate(String model, String evalTable, StepContext context)
      throws WarehouseException {
    Map<String, Double> metrics =
        BqmlResults.evaluation(query(sql.evaluate(model, evalTable), context));
    context.log().info("ML.EVALUATE on " + sql.qualified(evalTable) + ": " + metrics);
    metrics.forEach((metric, value) -> context.metric("bigquery_ml_" + metric, value));
    return metrics;
  }

  /**
   * The last iteration gets ML.EVALUATE's mean squared error as its {@code eval_loss} (the same
   * quantity the local trainer reports; BigQuery ML leaves it NULL under NO_SPLIT).
   */
  private static List<TrainingIteration> withEvaluation(
      List<TrainingIteration> iterations, Map<String, Double> metrics, StepContext context) {
    Double mse = metrics.get("mean_squared_error");
    if (mse == null) {
      context.log().info("ML.EVALUATE gave no mean_squared_error: eval_loss stays NULL");
      return iterations;
    }
    List<TrainingIteration> rows = new ArrayList<>(iterations);
    TrainingIteration last = rows.get(rows.size() - 1);
    rows.set(
        rows.size() - 1,
        new TrainingIteration(
            last.iteration(), last.loss(), mse, last.objective(), last.durationMs()));
    return rows;
  }

  private QueryResult query(String statement, StepContext context) throws WarehouseException {
    Job job =
        jobs.run(
            "query",
            warehouse.queryBuilder(statement).build(),
            "query " + BigQueryWarehouse.shortSql(statement));
    context
        .log()
        .info(
            BigQueryWarehouse.shortSql(statement)
                + ": job "
                + job.getJobId().getJob()
                + bytes(job));
    return BigQueryWarehouse.results(job, "query " + BigQueryWarehouse.shortSql(statement));
  }

  /** Users and items ordered as in {@code train}'s dictionaries (others after, as returned). */
  static MfModel inTrainingOrder(List<WeightsRow> rows, Ratings train) {
    List<WeightsRow> sorted = new ArrayList<>(rows);
    sorted.sort(java.util.Comparator.comparingInt(row -> position(row, train)));
    return ModelWeights.toModel(sorted, BqmlSql.USER_COLUMN, BqmlSql.ITEM_COLUMN);
  }

  private static int position(WeightsRow row, Ratings train) {
    if (row.isGlobalIntercept()) {
      return Integer.MAX_VALUE;
    }
    int index =
        BqmlSql.USER_COLUMN.equals(row.processedInput())
            ? train.users().indexOf(row.feature())
            : train.items().indexOf(row.feature());
    return index < 0 ? Integer.MAX_VALUE - 1 : index;
  }

  private static String bytes(Job job) {
    if (job.getStatistics() instanceof JobStatistics.QueryStatistics stats
        && stats.getTotalBytesProcessed() != null) {
      return ", "
          + stats.getTotalBytesProcessed()
          + " bytes processed"
          + (stats.getTotalBytesBilled() != null
              ? ", " + stats.getTotalBytesBilled() + " billed"
              : "");
    }
    return "";
  }
}
