package io.recopipe.model.metrics;

import io.recopipe.model.error.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Metric values by column name in a fixed order, the part every evaluation result shares, so a
 * missing metric is reported the same way (naming the ones that exist) whatever was evaluated.
 */
public abstract class MetricValues {
  private final Map<String, Double> values;

  /** Copies {@code values} in its iteration order. */
  protected MetricValues(Map<String, Double> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values)));
  }

  /**
   * Returns the value of metric {@code name}.
   *
   * @throws IllegalArgumentException when there is no such metric
   */
  public double get(String name) {
    Double value = values.get(name);
    if (value == null) {
      throw new InvalidInputException("no metric '" + name + "'; have " + values.keySet());
    }
    return value;
  }

  /** Returns every metric by name, in column order (unmodifiable). */
  public Map<String, Double> asMap() {
    return values;
  }
}
