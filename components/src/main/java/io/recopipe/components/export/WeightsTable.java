package io.recopipe.components.export;

import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.DoubleList;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.weights.FactorWeight;
import io.recopipe.model.weights.ModelWeights;
import io.recopipe.model.weights.WeightsRow;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code weights} warehouse table: a model's ML.WEIGHTS rows, so users join factors and
 * intercepts in SQL as they would against BigQuery ML.
 *
 * <p>BigQuery's {@code factor_weights} is {@code ARRAY<STRUCT<factor INT64, weight FLOAT64>>}; here
 * it is {@code DOUBLE[]} with factor i (numbered from 1) at list position i (SQL lists are 1-based,
 * so {@code factor_weights[i]} is factor i), because a plain list passes through every warehouse
 * driver while structs do not. The {@code global__intercept__} row has NULL {@code processed_input}
 * and NULL {@code factor_weights}, as in BigQuery.
 */
public final class WeightsTable {
  /** The table name. */
  public static final String NAME = "weights";

  /** Columns: processed_input, feature, factor_weights (DOUBLE[]), intercept. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("processed_input", "VARCHAR"),
          new Column("feature", "VARCHAR"),
          new Column("factor_weights", "DOUBLE[]"),
          new Column("intercept", "DOUBLE"));

  private WeightsTable() {}

  /**
   * The rows of {@code weights} in {@link ModelWeights#rows()}'s order and values (users, items,
   * then the global intercept; float32 factors widened exactly), built as they are read (a large
   * model is never all in memory) straight from the model's factor arrays, each factor list a
   * primitive {@link DoubleList} rather than boxed weights.
   */
  static List<List<Object>> rows(ModelWeights weights) {
    MfModel model = weights.model();
    int users = model.users().size();
    int items = model.items().size();
    int k = model.numFactors();
    return new AbstractList<>() {
      @Override
      public List<Object> get(int index) {
        Objects.checkIndex(index, size());
        if (index < users) {
          return Arrays.asList(
              weights.userColumn(),
              model.users().id(index),
              DoubleList.widened(model.userFactors(), index * k, k),
              (double) model.userIntercept(index));
        }
        int item = index - users;
        if (item < items) {
          return Arrays.asList(
              weights.itemColumn(),
              model.items().id(item),
              DoubleList.widened(model.itemFactors(), item * k, k),
              (double) model.itemIntercept(item));
        }
        return Arrays.asList(
            null, WeightsRow.GLOBAL_INTERCEPT_FEATURE, null, (double) model.globalIntercept());
      }

      @Override
      public int size() {
        return users + items + 1;
      }
    };
  }

  /** The factor list of a row as read back: position i − 1 holds factor i. */
  static List<FactorWeight> factorWeights(List<?> values) {
    List<FactorWeight> weights = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      weights.add(new FactorWeight(i + 1, ((Number) values.get(i)).doubleValue()));
    }
    return weights;
  }
}
