package io.recopipe.model.mf;

import io.recopipe.model.data.IdDictionary;

/**
 * A trained matrix-factorization model in BigQuery ML's form, {@code global intercept + user
 * intercept + item intercept + dot(user factors, item factors)}; immutable, so one instance can be
 * shared by every scoring thread and swapped atomically.
 *
 * <p>Factors are float32, row-major: user {@code u}'s factors are {@code userFactors[u*k ..
 * u*k+k)}.
 */
public final class MfModel {
  private final IdDictionary users;
  private final IdDictionary items;
  private final int numFactors;
  private final float globalIntercept;
  private final float[] userFactors;
  private final float[] userIntercepts;
  private final float[] itemFactors;
  private final float[] itemIntercepts;

  /** Creates a model; arrays are taken as they are (not copied) and must not change afterwards. */
  public MfModel(
      IdDictionary users,
      IdDictionary items,
      int numFactors,
      float globalIntercept,
      float[] userFactors,
      float[] userIntercepts,
      float[] itemFactors,
      float[] itemIntercepts) {
    if (numFactors < 1) {
      throw new IllegalArgumentException("numFactors must be >= 1, was " + numFactors);
    }
    check("userFactors", userFactors.length, (long) users.size() * numFactors);
    check("userIntercepts", userIntercepts.length, users.size());
    check("itemFactors", itemFactors.length, (long) items.size() * numFactors);
    check("itemIntercepts", itemIntercepts.length, items.size());
    this.users = users;
    this.items = items;
    this.numFactors = numFactors;
    this.globalIntercept = globalIntercept;
    this.userFactors = userFactors;
    this.userIntercepts = userIntercepts;
    this.itemFactors = itemFactors;
    this.itemIntercepts = itemIntercepts;
  }

  private static void check(String name, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(name + " has " + actual + " values, expected " + expected);
    }
  }

  /** Predicts the rating of known user index {@code u} for known item index {@code i}. */
  public float predict(int u, int i) {
    int uo = u * numFactors;
    int io = i * numFactors;
    float dot = 0;
    for (int f = 0; f < numFactors; f++) {
      dot += userFactors[uo + f] * itemFactors[io + f];
    }
    return globalIntercept + userIntercepts[u] + itemIntercepts[i] + dot;
  }

  /**
   * Predicts by external ids; an unknown user or item follows ML.RECOMMEND: the global intercept
   * plus the intercept of the side that is known.
   */
  public float predict(String user, String item) {
    int u = users.indexOf(user);
    int i = items.indexOf(item);
    if (u >= 0 && i >= 0) {
      return predict(u, i);
    }
    return globalIntercept + (u >= 0 ? userIntercepts[u] : 0f) + (i >= 0 ? itemIntercepts[i] : 0f);
  }

  public IdDictionary users() {
    return users;
  }

  public IdDictionary items() {
    return items;
  }

  public int numFactors() {
    return numFactors;
  }

  public float globalIntercept() {
    return globalIntercept;
  }

  public float userIntercept(int u) {
    return userIntercepts[u];
  }

  public float itemIntercept(int i) {
    return itemIntercepts[i];
  }

  /** Backing user factor array (row-major, k per user); read-only by contract. */
  public float[] userFactors() {
    return userFactors;
  }

  /** Backing user intercept array; read-only by contract. */
  public float[] userIntercepts() {
    return userIntercepts;
  }

  /** Backing item factor array (row-major, k per item); read-only by contract. */
  public float[] itemFactors() {
    return itemFactors;
  }

  /** Backing item intercept array; read-only by contract. */
  public float[] itemIntercepts() {
    return itemIntercepts;
  }

  @Override
  public String toString() {
    return "MfModel["
        + users.size()
        + " users × "
        + items.size()
        + " items, k="
        + numFactors
        + ", global="
        + globalIntercept
        + "]";
  }
}
