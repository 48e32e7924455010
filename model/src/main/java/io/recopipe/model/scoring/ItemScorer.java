package io.recopipe.model.scoring;

import io.recopipe.model.mf.MfModel;

/**
 * Scores one user against every item. It keeps the item factors transposed (factor-major) so the
 * work becomes k element-wise multiply-adds over all items, which the JIT vectorizes; the per-item
 * arithmetic is done in the same order as {@link MfModel#predict(int, int)}, so scores are
 * bit-identical to single predictions.
 */
public final class ItemScorer {
  /**
   * Whether the Vector API module was added to this JVM ({@code --add-modules
   * jdk.incubator.vector}).
   */
  static final boolean VECTOR_API =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !Boolean.getBoolean("recopipe.scalar");

  /**
   * From this many items on, top-K screens with int8 factors before scoring exactly. Measured with
   * 64 factors and top 50 (thread CPU time, {@code recopipe bench topk} and the same loop at other
   * sizes): the screen's fixed costs (floor, ~70 exact rescorings) make it 0.8× as fast as scoring
   * every item at 1,682 items, 1.06× at 2,500, 1.3–1.5× at 3,706 and 1.6× at 26,744.
   */
  static final int SCREEN_MIN_ITEMS = 3000;

  private final MfModel model;
  private final int itemCount;
  private final int k;
  private final float[] itemFactorsByFactor;
  private final QuantizedItems quantized;

  /** Whether this scorer uses the Vector API kernels (plain loops otherwise, same arithmetic). */
  private final boolean vector;

  /**
   * Prepares a scorer for {@code model}: one transposed copy of the item factors and, for large
   * catalogs, the int8 copy that lets {@link Recommender} screen items before scoring them.
   */
  public ItemScorer(MfModel model) {
    this(model, true);
  }

  /**
   * A scorer whose recommenders score every item (no int8 screen): the reference the screened top-K
   * is bit-identical to, for benchmarks and tests.
   */
  public static ItemScorer withoutScreen(MfModel model) {
    return new ItemScorer(model, false, VECTOR_API);
  }

  /**
   * A scorer that scores every item with plain loops (no Vector API, no screen), bit-identical to
   * the others: what a cold JVM should answer with, since the interpreter and the first JIT tier
   * run plain loops well while they run Vector API code as allocating library calls, tens of times
   * slower, until the optimizing JIT has compiled it. {@link #withScreen} gives the fast form.
   */
  public static ItemScorer plain(MfModel model) {
    return new ItemScorer(model, false, false);
  }

  private ItemScorer(MfModel model, boolean screen) {
    this(model, screen, VECTOR_API);
  }

  private ItemScorer(MfModel model, boolean screen, boolean vector) {
    this.model = model;
    this.itemCount = model.items().size();
    this.k = model.numFactors();
    this.itemFactorsByFactor = new float[itemCount * k];
    float[] y = model.itemFactors();
    for (int i = 0; i < itemCount; i++) {
      for (int f = 0; f < k; f++) {
        itemFactorsByFactor[f * itemCount + i] = y[i * k + f];
      }
    }
    this.vector = vector;
    this.quantized = screen && vector ? quantize(model) : null;
  }

  private ItemScorer(ItemScorer exact, QuantizedItems quantized) {
    this.model = exact.model;
    this.itemCount = exact.itemCount;
    this.k = exact.k;
    this.itemFactorsByFactor = exact.itemFactorsByFactor;
    this.quantized = quantized;
    this.vector = VECTOR_API;
  }

  private static QuantizedItems quantize(MfModel model) {
    return VECTOR_API && model.items().size() >= SCREEN_MIN_ITEMS
        ? QuantizedItems.of(model, VectorItemScorer.lanes())
        : null;
  }

  /**
   * This scorer's fastest form, sharing the transposed factors: the Vector API kernels (when this
   * JVM has them) and the int8 screen added when screening pays; this one when it is that already.
   * Lets a server answer with the exact (or {@link #plain}) path at once and switch after it is
   * ready, since the results are the same.
   */
  public ItemScorer withScreen() {
    QuantizedItems built = quantized == null ? quantize(model) : null;
    return built == null && vector == VECTOR_API ? this : new ItemScorer(this, built);
  }

  /**
   * The int8 copy of the item factors that {@link ScreenedTopK} screens with, or null when
   * screening does not pay (fewer than {@link #SCREEN_MIN_ITEMS} items, no Vector API) or the
   * factors are not all finite.
   */
  QuantizedItems quantized() {
    return quantized;
  }

  /** The model scored. */
  public MfModel model() {
    return model;
  }

  /**
   * Writes every item's predicted rating for user index {@code user} into {@code out} (length ≥
   * item count); {@code user} = -1 scores an unknown user by ML.RECOMMEND's rule (global + item
   * intercept), and {@code dot} is scratch of the same length.
   */
  public void scoreAll(int user, float[] out, float[] dot) {
    float global = model.globalIntercept();
    float[] itemIntercepts = model.itemIntercepts();
    if (user < 0) {
      for (int i = 0; i < itemCount; i++) {
        out[i] = global + itemIntercepts[i];
      }
      return;
    }
    float[] x = model.userFactors();
    int uo = user * k;
    if (vector) {
      VectorItemScorer.scoreAll(
          x,
          uo,
          k,
          itemFactorsByFactor,
          itemCount,
          global + model.userIntercept(user),
          itemIntercepts,
          out);
      return;
    }
    java.util.Arrays.fill(dot, 0, itemCount, 0f);
    for (int f = 0; f < k; f++) {
      float xf = x[uo + f];
      int row = f * itemCount;
      for (int i = 0; i < itemCount; i++) {
        dot[i] += xf * itemFactorsByFactor[row + i];
      }
    }
    float base = global + model.userIntercept(user);
    for (int i = 0; i < itemCount; i++) {
      out[i] = base + itemIntercepts[i] + dot[i];
    }
  }

  /**
   * Writes the scores of users {@code first} .. {@code first + count - 1} into {@code out[0]} ..
   * {@code out[count - 1]}, bit-identical to {@link #scoreAll} for each; with the Vector API the
   * users share each pass over the item factors, which is what makes scoring every user fast.
   */
  public void scoreBlock(int first, int count, float[][] out, float[] dot) {
    if (!vector) {
      for (int j = 0; j < count; j++) {
        scoreAll(first + j, out[j], dot);
      }
      return;
    }
    float[] bases = new float[count];
    for (int j = 0; j < count; j++) {
      bases[j] = model.globalIntercept() + model.userIntercept(first + j);
    }
    VectorItemScorer.scoreBlock(
        model.userFactors(),
        first,
        count,
        k,
        itemFactorsByFactor,
        itemCount,
        bases,
        model.itemIntercepts(),
        out);
  }
}
