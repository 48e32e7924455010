package io.recopipe.pipeline.review;

import io.recopipe.pipeline.config.ConfigException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** The policy key: {@code auto} or {@code review}. */
  public static final String POLICY = "promotion.policy";
  /** The four-eyes key: {@code true} or {@code false}. */
  public static final String FOUR_EYES = "promotion.four_eyes";
  /** The expiry key: {@code 72h}, {@code 30m}, {@code 7d}, {@code 90s} or ISO {@code PT72H}. */
  public static final String EXPIRES_AFTER = "promotion.expires_after";
  /** The section's keys, without the {@code promotion.} prefix. */
  public static final Set<String> KEYS = Set.of("policy", "four_eyes",
      "expires_after");
  /** What a run gets when its config says nothing. */
  public static final PromotionPolicy DEFAULT = new PromotionPolicy(Mode.AUTO, true,
      Duration.ofHours(72));

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

  /**
   * The policy in a run's flat parameters ({@code promotion.*}); every bad value is reported at
   * once in one {@link ConfigException} line, which the CLI maps to exit code 2.
   */
  public static PromotionPolicy from(Map<String, String> parameters) {
    List<String> problems = new ArrayList<>();
    PromotionPolicy policy = parse(parameters, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException("promotion config: " + String.join("; ", problems));
    }
    return policy;
  }

  /** Every problem of the {@code promotion.*} values in {@code parameters}, one line each. */
  public static List<String> problems(Map<String, String> parameters) {
    List<String> problems = new ArrayList<>();
    parse(parameters, problems);
    return problems;
  }

  private static PromotionPolicy parse(Map<String, String> parameters, List<String> problems) {
    Mode mode = DEFAULT.mode();
    String policy = parameters.get(POLICY);
    if (policy != null) {
      switch (policy.trim().toLowerCase(Locale.ROOT)) {
        case "auto" -> mode = Mode.AUTO;
        case "review" -> mode = Mode.REVIEW;
        default -> problems.add(POLICY + ": expected auto or review, found '" + policy + "'");
      }
    }
    boolean fourEyes = DEFAULT.fourEyes();
    String eyes = parameters.get(FOUR_EYES);
    if (eyes != null) {
      if (eyes.trim().equalsIgnoreCase("true") || eyes.trim().equalsIgnoreCase("false")) {
        fourEyes = Boolean.parseBoolean(eyes.trim());
      } else {
        problems.add(FOUR_EYES + ": expected true or false, found '" + eyes + "'");
      }
    }
    Duration expiresAfter = DEFAULT.expiresAfter();
    String expires = parameters.get(EXPIRES_AFTER);
    if (expires != null) {
      expiresAfter = duration(expires);
      if (expiresAfter == null) {
        problems.add(EXPIRES_AFTER + ": expected a positive duration like 72h, 30m, 7d or "
            + "PT72H, found '" + expires + "'");
      }
    }
    return new PromotionPolicy(mode, fourEyes, expiresAfter);
  }

  /** Whether blessed models wait for a reviewer. */
  public boolean reviewed() {
    return mode == Mode.REVIEW;
  }

  private static Duration duration(String text) {
    String trimmed = text.trim();
    Duration parsed = null;
    Matcher m = SHORT_DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        parsed = switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      } else if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
        parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return null;
    }
    return parsed == null || parsed.isNegative() || parsed.isZero() ? null : parsed;
  }
}
