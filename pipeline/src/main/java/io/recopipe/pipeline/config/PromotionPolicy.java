package io.recopipe.pipeline.config;

import io.recopipe.components.gate.PromotionRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code promotion} section of a pipeline config as the runner and the review commands see it:
 * {@code policy: auto} deploys a blessed model at once, {@code policy: review} makes the run wait
 * for a reviewer; {@code four_eyes} (default true under review) refuses the run's starter as
 * approver; {@code expires_after} (default 72h) ends a waiting run EXPIRED.
 *
 * <p>A thin adapter over the gate's {@link PromotionRule}, which parses the values and decides; it
 * stays here because a bad value is a {@link ConfigException}, a pipeline type.
 *
 * @param mode auto or review
 * @param fourEyes whether the starter may not approve
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

  /** The policy key: {@code auto} or {@code review}. */
  public static final String POLICY = PromotionRule.POLICY;

  /** The four-eyes key: {@code true} or {@code false}. */
  public static final String FOUR_EYES = PromotionRule.FOUR_EYES;

  /** The expiry key: {@code 72h}, {@code 30m}, {@code 7d}, {@code 90s} or ISO {@code PT72H}. */
  public static final String EXPIRES_AFTER = PromotionRule.EXPIRES_AFTER;

  /** The section's keys, without the {@code promotion.} prefix. */
  public static final Set<String> KEYS = PromotionRule.KEYS;

  /** What a run gets when its config says nothing. */
  public static final PromotionPolicy DEFAULT = of(PromotionRule.DEFAULT);

  /**
   * The policy in a run's flat parameters ({@code promotion.*}); every bad value is reported at
   * once in one {@link ConfigException} line, which the CLI maps to exit code 2.
   */
  public static PromotionPolicy from(Map<String, String> parameters) {
    List<String> problems = new ArrayList<>();
    PromotionRule rule = PromotionRule.parse(parameters, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException("promotion config: " + String.join("; ", problems));
    }
    return of(rule);
  }

  /** Every problem of the {@code promotion.*} values in {@code parameters}, one line each. */
  public static List<String> problems(Map<String, String> parameters) {
    List<String> problems = new ArrayList<>();
    PromotionRule.parse(parameters, problems);
    return problems;
  }

  private static PromotionPolicy of(PromotionRule rule) {
    return new PromotionPolicy(
        rule.review() ? Mode.REVIEW : Mode.AUTO, rule.fourEyes(), rule.expiresAfter());
  }

  /** Whether blessed models wait for a reviewer. */
  public boolean reviewed() {
    return mode == Mode.REVIEW;
  }

  /** The gate's rule this policy stands for. */
  public PromotionRule rule() {
    return new PromotionRule(reviewed(), fourEyes, expiresAfter);
  }
}
