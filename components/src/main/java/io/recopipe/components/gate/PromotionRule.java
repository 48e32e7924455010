package io.recopipe.components.gate;

import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Wording;
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
 * say yes" is answered in one package; the three keys are {@link Option}s read by the shared {@link
 * OptionReader}.
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

  /** Whether blessed models wait for a reviewer: {@code auto} (false) or {@code review}. */
  static final Option<Boolean> REVIEW =
      Option.of(
          POLICY,
          OptionType.choice("auto or review", PromotionRule::policy, r -> r ? "review" : "auto"),
          DEFAULT.review(),
          "auto deploys a blessed model at once, review waits for a reviewer");

  /** Whether the run's starter is refused as its approver. */
  static final Option<Boolean> FOUR_EYES_OPTION =
      Option.of(
          FOUR_EYES,
          OptionType.BOOLEAN,
          DEFAULT.fourEyes(),
          "refuse the run's starter as approver");

  /** How long an approval waits before the run ends EXPIRED. */
  static final Option<Duration> EXPIRES_AFTER_OPTION =
      Option.of(
          EXPIRES_AFTER,
          OptionType.choice(
              "a positive duration like 72h, 30m, 7d or PT72H",
              PromotionRule::duration,
              Duration::toString),
          DEFAULT.expiresAfter(),
          "how long a run waits for approval");

  /**
   * The rule in a run's flat parameters ({@code promotion.*}), each bad value added to {@code
   * problems} as one line naming its key (the default stands in for it).
   */
  public static PromotionRule parse(Map<String, String> parameters, List<String> problems) {
    OptionReader reader =
        OptionReader.of(parameters, Wording.expected(""), OptionReader.Text.TRIMMED);
    PromotionRule rule =
        new PromotionRule(
            reader.get(REVIEW), reader.get(FOUR_EYES_OPTION), reader.get(EXPIRES_AFTER_OPTION));
    problems.addAll(reader.problems());
    return rule;
  }

  /**
   * Whether a model the gate blessed waits for a reviewer: the rule asks for review, or its gate
   * decisions list a reason ({@link Gate#reviewRequired}) that forces one under any policy.
   */
  public boolean waitsForReview(List<String> reviewRequired) {
    return review || !reviewRequired.isEmpty();
  }

  private static boolean policy(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "auto" -> false;
      case "review" -> true;
      default -> throw new IllegalArgumentException(text);
    };
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
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(text, e);
    }
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      throw new IllegalArgumentException(text);
    }
    return parsed;
  }
}
