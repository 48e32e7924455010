package io.recopipe.model.als;

/**
 * The running average of the kept samples in {@link TrainingMethod#GIBBS}, held as one model of
 * BigQuery ML's form: m samples of k factors are m blocks of the packed factors, each scaled by
 * 1/√m on both sides so their dot products average, and the intercepts are averaged; so the
 * posterior-mean prediction is exported with no change to scoring.
 */
final class PackedAverage {
  private final int k;
  private final FactorSide users;
  private final FactorSide items;
  private int count;

  PackedAverage(int userRows, int itemRows, int k, int samples) {
    this.k = k;
    this.users = new FactorSide(userRows, k * samples);
    this.items = new FactorSide(itemRows, k * samples);
  }

  /** How many samples the average holds. */
  int count() {
    return count;
  }

  /** The packed users side: a valid model side once a sample was added. */
  FactorSide users() {
    return users;
  }

  /** The packed items side. */
  FactorSide items() {
    return items;
  }

  /** Adds one sample, rescaling the earlier blocks from 1/√m to 1/√(m + 1). */
  void add(FactorSide userSample, FactorSide itemSample) {
    if ((count + 1) * k > users.k) {
      throw new IllegalStateException("already holds " + count + " samples");
    }
    addBlock(users, userSample);
    addBlock(items, itemSample);
    count++;
  }

  private void addBlock(FactorSide packed, FactorSide sample) {
    int m = count;
    float keep = (float) Math.sqrt(m / (m + 1.0));
    float scale = (float) (1 / Math.sqrt(m + 1.0));
    int width = packed.k;
    for (int row = 0; row < packed.rows; row++) {
      int base = row * width;
      for (int c = 0; c < m * k; c++) {
        packed.factors[base + c] *= keep;
      }
      int from = row * k;
      for (int f = 0; f < k; f++) {
        packed.factors[base + m * k + f] = sample.factors[from + f] * scale;
      }
      packed.intercepts[row] += (sample.intercepts[row] - packed.intercepts[row]) / (m + 1);
    }
  }
}
