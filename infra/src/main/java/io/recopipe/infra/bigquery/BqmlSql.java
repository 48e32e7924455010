package io.recopipe.infra.bigquery;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.RegularizationMode;
import io.recopipe.model.als.TrainingMethod;
import io.recopipe.model.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The BigQuery ML statements of the {@code bigquery_ml} engine, built as text from validated parts
 * only, so a config value can never change a statement's meaning and tests can pin every statement
 * exactly.
 *
 * <p>Options come from {@link AlsOptions}, whose builder already enforced BigQuery ML's ranges, so
 * both engines accept the same configs. Options that only the local trainer knows are refused when
 * they would change the model or its training data ({@code method} other than {@code als}, {@code
 * l2_reg_mode: weighted}, an {@code intercept_l2_reg} different from {@code l2_reg}, a {@code
 * positive_threshold} other than 0), since BigQuery ML would silently fit a different model: its
 * CREATE MODEL for matrix factorization has none of them
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-matrix-factorization).
 * Options that only say how the local trainer computes ({@code seed}, {@code threads}, {@code
 * implicit_solver}, {@code cg_steps}) are ignored, with a note for each that would have changed the
 * local model's numbers: a non-default seed, a solver or CG step count the user set (see {@link
 * #notes}); {@code threads} never changes them. {@code num_factors} is always written resolved
 * (log2 of the training rows when automatic), so the manifest states the factor count BigQuery ML
 * used.
 */
public final class BqmlSql {
  /** The columns ingest writes and the model is trained on. */
  public static final String USER_COLUMN = "user_id";

  /** The item column. */
  public static final String ITEM_COLUMN = "item_id";

  /** The rating column. */
  public static final String RATING_COLUMN = "rating";

  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,1023}");
  private static final long DEFAULT_SEED = AlsOptions.defaults().seed();
  private static final double DEFAULT_POSITIVE_THRESHOLD =
      AlsOptions.defaults().positiveThreshold();

  private final String project;
  private final String dataset;

  /** Statements for tables and models in {@code project}.{@code dataset}. */
  public BqmlSql(String project, String dataset) {
    this.project = require(PROJECT, project, "project");
    this.dataset = require(NAME, dataset, "dataset");
  }

  /** The quoted full name of a table or model in the dataset, e.g. {@code `p.d.train`}. */
  public String qualified(String name) {
    return "`" + project + "." + dataset + "." + require(NAME, name, "table or model") + "`";
  }

  /**
   * {@code CREATE OR REPLACE MODEL} for {@code options} on {@code trainTable}'s user, item and
   * rating columns.
   *
   * @throws IllegalArgumentException naming every option BigQuery ML cannot honour
   */
  public String createModel(
      String model, String trainTable, AlsOptions options, long trainingRows) {
    StringBuilder sql =
        new StringBuilder("CREATE OR REPLACE MODEL ").append(qualified(model)).append("\nOPTIONS(");
    String separator = "";
    for (Map.Entry<String, String> option : modelOptions(options, trainingRows).entrySet()) {
      sql.append(separator).append(option.getKey()).append('=').append(option.getValue());
      separator = ", ";
    }
    return sql.append(")\nAS SELECT ")
        .append(USER_COLUMN)
        .append(", ")
        .append(ITEM_COLUMN)
        .append(", ")
        .append(RATING_COLUMN)
        .append(" FROM ")
        .append(qualified(trainTable))
        .toString();
  }

  /** The OPTIONS list in order, values as SQL literals. */
  public static Map<String, String> modelOptions(AlsOptions options, long trainingRows) {
    List<String> refused = refusals(options);
    if (!refused.isEmpty()) {
      throw new InvalidInputException(
          "train.engine=bigquery_ml cannot honour " + String.join("; ", refused));
    }
    Map<String, String> sql = new LinkedHashMap<>();
    sql.put("model_type", literal("matrix_factorization"));
    options
        .bigQueryMlOptions(trainingRows)
        .forEach(
            (name, value) ->
                sql.put(
                    name,
                    value instanceof String text
                        ? literal(text)
                        : value instanceof Double d
                            ? number(d)
                            : value instanceof Boolean flag
                                ? (flag ? "TRUE" : "FALSE")
                                : value.toString()));
    sql.put("user_col", literal(USER_COLUMN));
    sql.put("item_col", literal(ITEM_COLUMN));
    sql.put("rating_col", literal(RATING_COLUMN));
    sql.put("data_split_method", literal("NO_SPLIT"));
    return sql;
  }

  /** The local-only options set to values that would change the model; empty when none. */
  public static List<String> refusals(AlsOptions options) {
    List<String> refused = new ArrayList<>();
    if (options.method() != TrainingMethod.ALS) {
      refused.add(
          "method "
              + options.method().configName()
              + " (BigQuery ML fits ALS only; "
              + "remove train.method or set it to als)");
    }
    if (options.l2RegMode() != RegularizationMode.PLAIN) {
      refused.add(
          "l2_reg_mode "
              + options.l2RegMode().configName()
              + " (BigQuery ML applies "
              + "l2_reg plainly; remove train.l2_reg_mode or set it to plain)");
    }
    if (options.positiveThreshold() != DEFAULT_POSITIVE_THRESHOLD) {
      refused.add(
          "positive_threshold "
              + options.positiveThreshold()
              + " (BigQuery ML trains on every "
              + "rating and has no threshold; remove train.positive_threshold, or leave the ratings "
              + "below it out of the data)");
    }
    if (options.resolvedInterceptL2Reg() != options.l2Reg()) {
      refused.add(
          "intercept_l2_reg "
              + options.resolvedInterceptL2Reg()
              + " (BigQuery ML has "
              + "one l2_reg; remove train.intercept_l2_reg)");
    }
    return refused;
  }

  /** Notes about options BigQuery ML ignores, for the step log. */
  public static List<String> notes(AlsOptions options) {
    List<String> notes = new ArrayList<>();
    if (options.seed() != DEFAULT_SEED) {
      notes.add(
          "train.seed "
              + options.seed()
              + " is not used: BigQuery ML has no seed, so "
              + "retraining may give slightly different factors");
    }
    for (String solver : List.of("implicit_solver", "cg_steps")) {
      if (options.isSet(solver)) {
        notes.add(
            "train."
                + solver
                + " is not used: it sets how the local trainer solves implicit ALS, "
                + "and BigQuery ML uses its own solver");
      }
    }
    return notes;
  }

  /** {@code SELECT * FROM ML.TRAINING_INFO(MODEL …)}. */
  public String trainingInfo(String model) {
    return "SELECT * FROM ML.TRAINING_INFO(MODEL " + qualified(model) + ")";
  }

  /** {@code SELECT * FROM ML.EVALUATE(MODEL …, (SELECT user, item, rating FROM eval))}. */
  public String evaluate(String model, String evalTable) {
    return "SELECT * FROM ML.EVALUATE(MODEL "
        + qualified(model)
        + ", (SELECT "
        + USER_COLUMN
        + ", "
        + ITEM_COLUMN
        + ", "
        + RATING_COLUMN
        + " FROM "
        + qualified(evalTable)
        + "))";
  }

  /** {@code SELECT * FROM ML.WEIGHTS(MODEL …)}. */
  public String weights(String model) {
    return "SELECT * FROM ML.WEIGHTS(MODEL " + qualified(model) + ")";
  }

  /** A GoogleSQL string literal; quotes and backslashes escaped. */
  static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A FLOAT64 literal in plain decimal form (no exponent), e.g. {@code 9.83}, {@code 0.0001}. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return text.contains(".") ? text : text + ".0";
  }

  private static String require(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new InvalidInputException(
          "invalid BigQuery "
              + what
              + " name '"
              + value
              + "': expected "
              + (pattern == PROJECT ? "a project id" : "letters, digits and _")
                  .toLowerCase(Locale.ROOT));
    }
    return value;
  }
}
