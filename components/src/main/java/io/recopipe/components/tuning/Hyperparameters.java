package io.recopipe.components.tuning;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.FeedbackType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of the search space: the three options BigQuery ML tunes for matrix factorization, kept
 * apart from the other options so a trial, a table row and the retrain agree on what varied.
 *
 * @param numFactors {@code num_factors}
 * @param l2Reg {@code l2_reg}
 * @param walsAlpha {@code wals_alpha} (only meaningful for implicit feedback)
 */
public record Hyperparameters(int numFactors, double l2Reg, double walsAlpha) {
  /** These values applied over {@code base} (every other option unchanged). */
  public AlsOptions applyTo(AlsOptions base) {
    return base.toBuilder().numFactors(numFactors).l2Reg(l2Reg).walsAlpha(walsAlpha).build();
  }

  /** Name → value in BigQuery ML's spelling; {@code wals_alpha} only for implicit feedback. */
  public Map<String, Object> toMap(FeedbackType feedback) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("num_factors", numFactors);
    map.put("l2_reg", l2Reg);
    if (feedback == FeedbackType.IMPLICIT) {
      map.put("wals_alpha", walsAlpha);
    }
    return map;
  }
}
