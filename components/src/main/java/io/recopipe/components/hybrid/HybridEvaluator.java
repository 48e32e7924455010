package io.recopipe.components.hybrid;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.hybrid.HybridModel;
import io.recopipe.model.hybrid.HybridOptions;
import io.recopipe.model.hybrid.Metadata;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.mf.MfModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scores MF and the hybrid on the same eval rows, then the cold-start users (eval users MF never
 * saw; when a random split leaves none, a seeded {@code cold_start_fraction} of eval users scored
 * as if MF had never seen them) with the hybrid's cold model and with ML.RECOMMEND's fallback,
 * global + item intercept.
 */
public final class HybridEvaluator {
  private final RegressionEvaluator evaluator;
  private final HybridOptions options;

  /** Creates an evaluator clipping like {@code evaluator}. */
  public HybridEvaluator(RegressionEvaluator evaluator, HybridOptions options) {
    this.evaluator = evaluator;
    this.options = options;
  }

  /** Evaluates {@code hybrid} (and its MF model) on {@code eval}. */
  public HybridReport evaluate(HybridModel hybrid, Ratings eval, Metadata metadata) {
    MfModel mf = hybrid.mf();
    int n = eval.size();
    boolean[] cold = coldUsers(mf.users(), eval.users());
    boolean simulated = !anyUnseen(mf.users(), eval.users());
    float[] actual = new float[n];
    float[] mfPred = new float[n];
    float[] hybridPred = new float[n];
    int coldRows = 0;
    for (int r = 0; r < n; r++) {
      coldRows += cold[eval.user(r)] ? 1 : 0;
    }
    float[] coldActual = new float[coldRows];
    float[] fallback = new float[coldRows];
    float[] hybridCold = new float[coldRows];
    int c = 0;
    for (int r = 0; r < n; r++) {
      String user = eval.users().id(eval.user(r));
      String item = eval.items().id(eval.item(r));
      actual[r] = eval.rating(r);
      mfPred[r] = mf.predict(user, item);
      hybridPred[r] =
          (float) hybrid.predict(user, item, metadata.user(user), metadata.item(item), false);
      if (cold[eval.user(r)]) {
        int i = mf.items().indexOf(item);
        coldActual[c] = actual[r];
        fallback[c] = mf.globalIntercept() + (i >= 0 ? mf.itemIntercept(i) : 0f);
        hybridCold[c] =
            (float) hybrid.predict(user, item, metadata.user(user), metadata.item(item), true);
        c++;
      }
    }
    Map<String, Map<String, Double>> models = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    models.put(HybridReport.MF, evaluator.evaluate(actual, mfPred, n).asMap());
    rows.put(HybridReport.MF, (long) n);
    models.put(HybridReport.HYBRID, evaluator.evaluate(actual, hybridPred, n).asMap());
    rows.put(HybridReport.HYBRID, (long) n);
    if (coldRows > 0) {
      models.put(
          HybridReport.INTERCEPT_ONLY_COLD,
          evaluator.evaluate(coldActual, fallback, coldRows).asMap());
      rows.put(HybridReport.INTERCEPT_ONLY_COLD, (long) coldRows);
      models.put(
          HybridReport.HYBRID_COLD, evaluator.evaluate(coldActual, hybridCold, coldRows).asMap());
      rows.put(HybridReport.HYBRID_COLD, (long) coldRows);
    }
    long coldUsers = 0;
    for (boolean b : cold) {
      coldUsers += b ? 1 : 0;
    }
    return new HybridReport(models, rows, coldUsers, simulated, !metadata.isEmpty());
  }

  private static boolean anyUnseen(IdDictionary model, IdDictionary eval) {
    for (int u = 0; u < eval.size(); u++) {
      if (model.indexOf(eval.id(u)) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Which eval users are cold: the unseen ones, or a seeded sample when there are none. */
  private boolean[] coldUsers(IdDictionary model, IdDictionary eval) {
    boolean[] cold = new boolean[eval.size()];
    if (anyUnseen(model, eval)) {
      for (int u = 0; u < cold.length; u++) {
        cold[u] = model.indexOf(eval.id(u)) < 0;
      }
      return cold;
    }
    String[] ids = eval.ids().toArray(String[]::new);
    Arrays.sort(ids);
    SplittableRandom random = new SplittableRandom(options.seed());
    for (int n = ids.length - 1; n > 0; n--) {
      int j = random.nextInt(n + 1);
      String swap = ids[n];
      ids[n] = ids[j];
      ids[j] = swap;
    }
    int take = (int) Math.ceil(options.coldStartFraction() * ids.length);
    for (int n = 0; n < take; n++) {
      cold[eval.indexOf(ids[n])] = true;
    }
    return cold;
  }
}
