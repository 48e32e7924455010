package io.recopipe.pipeline.review;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code promotion} section of a pipeline config: {@code policy: auto} deploys a blessed
 * model at once, {@code policy: review} makes the run wait for a reviewer; {@code four_eyes}
 * (default true under review) refuses the run's starter as approver; {@code expires_after}
 * (default 72h) ends a waiting run EXPIRED.
 *
 * @param mode         auto or review
 * @param fourEyes     whether the starter may not approve
 * @param expiresAfter how long an approval waits
 */
public record PromotionPolicy(Mode mode, boolean fourEyes, Duration expiresAfter) {
  /** The two policies. */
  public enum Mode {
    /** Blessed ⇒ deploy. */
    AUTO,
    /** Blessed ⇒ wait for approval. */
    REVIEW
  }

  /** The policy in a run's flat parameters ({@code promotion.*}); every bad value reported. */
  public static PromotionPolicy from(Map<String, String> parameters) {
    throw new UnsupportedOperationException("issue 5");
  }
}
