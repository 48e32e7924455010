package io.recopipe.bench.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;

import io.recopipe.bench.spark.BenchOptions.AlsFit;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The work of recopipe's pipeline (ingest, split, train, evaluate, export of the factors and
 * every user's top-N) done with Spark MLlib in local mode, timed per step and printed as JSON
 * lines, so {@code bench/spark-pipeline.sh} can show both engines on the same data in one run.
 */
public final class SparkPipelineBench {
  private static final String SCHEMA =
      "user_id INT, item_id INT, rating FLOAT, timestamp LONG";

  private final BenchOptions options;
  private final JsonLines lines;
  private final SparkSession spark;
  private double minRating;
  private double maxRating;

  private SparkPipelineBench(BenchOptions options, JsonLines lines, SparkSession spark) {
    this.options = options;
    this.lines = lines;
    this.spark = spark;
  }

  /** Runs the comparator; exit 2 on bad arguments, before Spark starts. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("spark-pipeline: " + e.getMessage());
      System.exit(2);
      return;
    }
    JsonLines lines = new JsonLines(System.out, options.caseName());
    SparkSession spark = session(options);
    Map<String, Object> session = lines.line("session");
    session.put("seconds", JsonLines.round(seconds(start), 3));
    lines.print(session);
    try {
      new SparkPipelineBench(options, lines, spark).run(start);
    } finally {
      spark.stop();
    }
  }

  private static SparkSession session(BenchOptions options) {
    Path out = options.out().toAbsolutePath();
    SparkSession spark = SparkSession.builder()
        .appName("recopipe-spark-pipeline")
        .master("local[" + options.threads() + "]")
        .config("spark.ui.enabled", "false")
        // local mode talks only to itself: keep the driver's ports on the loopback interface
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", Integer.toString(4 * options.threads()))
        .config("spark.local.dir", out.resolve("spark-local").toString())
        .getOrCreate();
    // ALS checkpoints its factors every 10 iterations when a directory is set, as long fits need
    // to keep the lineage (and the stack) short.
    spark.sparkContext().setCheckpointDir(out.resolve("checkpoints").toString());
    return spark;
  }

  private void run(long start) {
    Dataset<Row> ratings = ingest();
    Dataset<Row>[] split = split(ratings);
    Dataset<Row> train = split[0];
    Dataset<Row> eval = split[1];
    long trainRows = train.count();
    boolean first = true;
    for (AlsFit fit : options.fits()) {
      ALSModel model = train(fit, train, trainRows);
      evaluate(fit, model, eval);
      export(fit, model);
      if (first) {
        Map<String, Object> total = lines.line("total");
        total.put("fit", fit.label());
        total.put("seconds", JsonLines.round(seconds(start), 3));
        OptionalLong peak = PeakRss.mebibytes();
        total.put("peak_rss_mb", peak.isPresent() ? peak.getAsLong() : null);
        total.put("peak_rss_scope", "process");
        lines.print(total);
        first = false;
      }
      model.userFactors().unpersist();
      model.itemFactors().unpersist();
    }
  }

  private Dataset<Row> read(Path file) {
    return spark.read().schema(SCHEMA).option("sep", "\t").option("header", "false")
        .option("mode", "FAILFAST").csv(file.toAbsolutePath().toString());
  }

  /** Reads every rating into memory and finds the rating range predictions are clamped to. */
  private Dataset<Row> ingest() {
    long start = System.nanoTime();
    Dataset<Row> ratings = read(options.ratings()).cache();
    Row stats = ratings.agg(count(lit(1)), min("rating"), max("rating")).first();
    minRating = stats.getFloat(1);
    maxRating = stats.getFloat(2);
    lines.print(lines.step("ingest", seconds(start), stats.getLong(0)));
    return ratings;
  }

  /** recopipe's own split when given (the same rows on both sides), else a seeded 90/10. */
  private Dataset<Row>[] split(Dataset<Row> ratings) {
    long start = System.nanoTime();
    @SuppressWarnings("unchecked")
    Dataset<Row>[] parts = options.splitDir() == null
        ? ratings.randomSplit(new double[] {0.9, 0.1}, options.seed())
        : new Dataset[] {read(options.splitDir().resolve("train.tsv")),
            read(options.splitDir().resolve("eval.tsv"))};
    parts[0] = parts[0].cache();
    parts[1] = parts[1].cache();
    long rows = parts[0].count() + parts[1].count();
    ratings.unpersist();
    Map<String, Object> row = lines.step("split", seconds(start), rows);
    row.put("source", options.splitDir() == null ? "random 90/10" : "recopipe ingest");
    lines.print(row);
    return parts;
  }

  private ALSModel train(AlsFit fit, Dataset<Row> train, long trainRows) {
    long start = System.nanoTime();
    ALS als = new ALS().setRank(fit.rank()).setMaxIter(fit.iterations())
        .setRegParam(options.regParam()).setUserCol("user_id").setItemCol("item_id")
        .setRatingCol("rating").setSeed(options.seed()).setColdStartStrategy("drop");
    ALSModel model = als.fit(train); // eager: the final factors are computed and cached
    Map<String, Object> row = withFit(lines.step("train", seconds(start), trainRows), fit);
    row.put("reg_param", options.regParam());
    lines.print(row);
    return model;
  }

  /** RMSE and MAE on the held-out ratings, raw (as Spark's evaluator) and clamped. */
  private void evaluate(AlsFit fit, ALSModel model, Dataset<Row> eval) {
    long start = System.nanoTime();
    Column error = col("prediction").minus(col("rating"));
    Column clamped = least(greatest(col("prediction"), lit(minRating)), lit(maxRating))
        .minus(col("rating"));
    Row stats = model.transform(eval).agg(count(lit(1)), sqrt(avg(pow(error, 2))),
        avg(abs(error)), sqrt(avg(pow(clamped, 2)))).first();
    Map<String, Object> row = withFit(lines.step("evaluate", seconds(start), stats.getLong(0)),
        fit);
    row.put("rmse", JsonLines.round(stats.getDouble(1), 4));
    row.put("mae", JsonLines.round(stats.getDouble(2), 4));
    row.put("rmse_clamped", JsonLines.round(stats.getDouble(3), 4));
    lines.print(row);
  }

  /** The user and item factors (ML.WEIGHTS) and every user's top-N, written as Parquet. */
  private void export(AlsFit fit, ALSModel model) {
    long start = System.nanoTime();
    String dir = options.out().toAbsolutePath().resolve(fit.label()).toString();
    model.userFactors().write().mode(SaveMode.Overwrite).parquet(dir + "/user_factors");
    model.itemFactors().write().mode(SaveMode.Overwrite).parquet(dir + "/item_factors");
    model.recommendForAllUsers(options.topN())
        .select(col("user_id"), posexplode(col("recommendations")))
        .select(col("user_id"), col("pos").plus(1).as("rank"), col("col.item_id").as("item_id"),
            col("col.rating").as("score"))
        .write().mode(SaveMode.Overwrite).parquet(dir + "/recommendations");
    long weights = spark.read().parquet(dir + "/user_factors").count()
        + spark.read().parquet(dir + "/item_factors").count();
    long recommendations = spark.read().parquet(dir + "/recommendations").count();
    Map<String, Object> row = withFit(lines.step("export", seconds(start),
        weights + recommendations), fit);
    row.put("weights_rows", weights);
    row.put("recommendation_rows", recommendations);
    lines.print(row);
  }

  private static Map<String, Object> withFit(Map<String, Object> row, AlsFit fit) {
    row.put("fit", fit.label());
    row.put("rank", fit.rank());
    row.put("iterations", fit.iterations());
    return row;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
