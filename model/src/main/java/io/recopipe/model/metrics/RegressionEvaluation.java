package io.recopipe.model.metrics;

import java.util.Map;

/**
 * The result of one explicit-feedback evaluation: metric values by column name in ML.EVALUATE's
 * column order, plus the row counts that say how much to trust them (how many predictions were
 * clipped, how many rows hit ML.RECOMMEND's cold-start rule), so a report can show both together.
 */
public final class RegressionEvaluation extends MetricValues {
  private final int rows;
  private final int clippedRows;
  private final int unknownUserRows;
  private final int unknownItemRows;
  private final int coldStartRows;

  /** Creates an evaluation; {@code values} is copied in its iteration order. */
  public RegressionEvaluation(
      Map<String, Double> values,
      int rows,
      int clippedRows,
      int unknownUserRows,
      int unknownItemRows,
      int coldStartRows) {
    super(values);
    this.rows = rows;
    this.clippedRows = clippedRows;
    this.unknownUserRows = unknownUserRows;
    this.unknownItemRows = unknownItemRows;
    this.coldStartRows = coldStartRows;
  }

  /** Returns how many (actual, predicted) rows were evaluated. */
  public int rows() {
    return rows;
  }

  /** Returns how many predictions fell outside the clipping range and were clamped into it. */
  public int clippedRows() {
    return clippedRows;
  }

  /** Returns how many rows had a user the model does not know. */
  public int unknownUserRows() {
    return unknownUserRows;
  }

  /** Returns how many rows had an item the model does not know. */
  public int unknownItemRows() {
    return unknownItemRows;
  }

  /**
   * Returns how many rows had an unknown user or an unknown item (or both) and so were predicted by
   * intercepts only, as ML.RECOMMEND does.
   */
  public int coldStartRows() {
    return coldStartRows;
  }

  @Override
  public String toString() {
    return "RegressionEvaluation"
        + asMap()
        + " over "
        + rows
        + " rows ("
        + clippedRows
        + " clipped, "
        + coldStartRows
        + " cold-start)";
  }
}
