package io.recopipe.components.gate;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promotion half of the gate, from a run's {@code promotion.*} parameters: whether a model the
 * gate blessed deploys at once ({@code policy: auto}) or waits for a reviewer ({@code policy:
 * review}), whether its starter may approve it ({@code four_eyes}) and how long the approval waits
 * ({@code expires_after}). Kept beside the thresholds so that "may this model go out, and who must
 * say yes" is answered in one package.
 *
 * @param review whether blessed models wait for a reviewer
 * @param fourEyes whether the starter may not approve
 * @param expiresAfter how long an approval waits
 */
public record PromotionRule(boolean review, boolean fourEyes, Duration expiresAfter) {
  /** The policy key: {@code auto} or {@code review}. */
  public static final String POLICY = "promotion.policy";

  /** The four-eyes key: {@code true} or {@code false}. */
  public static final String FOUR_EYES = "promotion.four_eyes";

  /** The expiry key: {@code 72h}, {@code 30m}, {@code 7d}, {@code 90s} or ISO {@code PT72H}. */
  public static final String EXPIRES_AFTER = "promotion.expires_after";

  /** The section's keys, without the {@code promotion.} prefix. */
  public static final Set<String> KEYS = Set.of("policy", "four_eyes", "expires_after");

  /** What a run gets when its config says nothing. */
  public static final PromotionRule DEFAULT = new PromotionRule(false, true, Duration.ofHours(72));

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

  /**
   * The rule in a run's flat parameters ({@code promotion.*}), each bad value added to {@code
   * problems} as one line naming its key (the default stands in for it).
   */
  public static PromotionRule parse(Map<String, String> parameters, List<String> problems) {
    boolean review = DEFAULT.review();
    String policy = parameters.get(POLICY);
    if (policy != null) {
      switch (policy.trim().toLowerCase(Locale.ROOT)) {
        case "auto" -> review = false;
        case "review" -> review = true;
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
        problems.add(
            EXPIRES_AFTER
                + ": expected a positive duration like 72h, 30m, 7d or "
                + "PT72H, found '"
                + expires
                + "'");
      }
    }
    return new PromotionRule(review, fourEyes, expiresAfter);
  }

  /**
   * Whether a model the gate blessed waits for a reviewer: the rule asks for review, or its gate
   * decisions list a reason ({@link Gate#reviewRequired}) that forces one under any policy.
   */
  public boolean waitsForReview(List<String> reviewRequired) {
    return review || !reviewRequired.isEmpty();
  }

  private static Duration duration(String text) {
    String trimmed = text.trim();
    Duration parsed = null;
    Matcher m = SHORT_DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        parsed =
            switch (m.group(2)) {
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
