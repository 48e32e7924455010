package io.recopipe.model.weights;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.mf.MfModel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model's ML.WEIGHTS table and the way back, so a recopipe model can be exported in the shape
 * BigQuery ML users already query (and join against), and a table written that way rebuilds the
 * identical model.
 *
 * <p>Row order: every user in user-index order, then every item in item-index order, then the
 * {@value WeightsRow#GLOBAL_INTERCEPT_FEATURE} row. {@link #rows()} builds rows on access, so
 * listing the rows of a large model does not hold them all in memory.
 *
 * <p>Weights are float32 values widened exactly to FLOAT64; {@link #toModel} narrows them back,
 * which is exact for rows this class wrote (and rounds to nearest for other FLOAT64 weights).
 */
public final class ModelWeights {
  private final MfModel model;
  private final String userColumn;
  private final String itemColumn;

  private ModelWeights(MfModel model, String userColumn, String itemColumn) {
    this.model = Objects.requireNonNull(model, "model");
    this.userColumn = Objects.requireNonNull(userColumn, "userColumn");
    this.itemColumn = Objects.requireNonNull(itemColumn, "itemColumn");
    if (userColumn.equals(itemColumn)) {
      throw new InvalidInputException(
          "user and item columns must differ, both are '" + userColumn + "'");
    }
  }

  /**
   * Returns the weights of {@code model}, labelling rows with the training query's user and item
   * column names (e.g. {@code user_id}, {@code item_id}).
   */
  public static ModelWeights of(MfModel model, String userColumn, String itemColumn) {
    return new ModelWeights(model, userColumn, itemColumn);
  }

  /** Returns the model. */
  public MfModel model() {
    return model;
  }

  /** Returns the user column name written to {@code processed_input}. */
  public String userColumn() {
    return userColumn;
  }

  /** Returns the item column name written to {@code processed_input}. */
  public String itemColumn() {
    return itemColumn;
  }

  /** Returns the rows: users, then items, then the global intercept (a read-only view). */
  public List<WeightsRow> rows() {
    int userCount = model.users().size();
    int itemCount = model.items().size();
    return new AbstractList<>() {
      @Override
      public WeightsRow get(int index) {
        Objects.checkIndex(index, size());
        if (index < userCount) {
          return row(
              userColumn,
              model.users().id(index),
              model.userFactors(),
              index,
              model.userIntercept(index));
        }
        int item = index - userCount;
        if (item < itemCount) {
          return row(
              itemColumn,
              model.items().id(item),
              model.itemFactors(),
              item,
              model.itemIntercept(item));
        }
        return WeightsRow.globalIntercept(model.globalIntercept());
      }

      @Override
      public int size() {
        return userCount + itemCount + 1;
      }
    };
  }

  private WeightsRow row(String column, String id, float[] factors, int index, float intercept) {
    int k = model.numFactors();
    List<FactorWeight> weights = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      weights.add(new FactorWeight(f + 1, factors[index * k + f]));
    }
    return new WeightsRow(column, id, weights, intercept);
  }

  /**
   * Rebuilds a model from ML.WEIGHTS rows in any order; users and items get indexes in the order
   * their rows appear, so rows from {@link #rows()} rebuild an identical model.
   *
   * @throws IllegalArgumentException when the rows lack the global row or have it twice, name
   *     another column, repeat an id, or do not all carry factors 1..k
   */
  public static MfModel toModel(List<WeightsRow> rows, String userColumn, String itemColumn) {
    ParsedWeights parsed = ParsedWeights.of(rows, userColumn, itemColumn);
    int k = parsed.numFactors;
    IdDictionary users = IdDictionary.of(parsed.users.stream().map(WeightsRow::feature).toList());
    IdDictionary items = IdDictionary.of(parsed.items.stream().map(WeightsRow::feature).toList());
    float[] userFactors = new float[users.size() * k];
    float[] userIntercepts = new float[users.size()];
    for (int u = 0; u < users.size(); u++) {
      WeightsRow row = parsed.users.get(u);
      parsed.decodeFactors(row, userFactors, u * k);
      userIntercepts[u] = (float) row.intercept();
    }
    float[] itemFactors = new float[items.size() * k];
    float[] itemIntercepts = new float[items.size()];
    for (int i = 0; i < items.size(); i++) {
      WeightsRow row = parsed.items.get(i);
      parsed.decodeFactors(row, itemFactors, i * k);
      itemIntercepts[i] = (float) row.intercept();
    }
    return new MfModel(
        users,
        items,
        k,
        parsed.globalIntercept,
        userFactors,
        userIntercepts,
        itemFactors,
        itemIntercepts);
  }

  @Override
  public String toString() {
    return "ModelWeights[" + userColumn + ", " + itemColumn + ", " + model + "]";
  }
}
