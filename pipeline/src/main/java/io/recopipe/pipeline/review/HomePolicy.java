package io.recopipe.pipeline.review;

import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.config.ConfigException;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The promotion policy of a home (mode, four-eyes, expiry), kept in its settings and changed only
 * by an admin reviewer, because the person a check guards against must not be able to switch it
 * off: a run's {@code promotion.*} may make review stricter, never weaker.
 *
 * <p>Each run records its effective policy in its parameters when it starts, so approving, resuming
 * or expiring it later follows the rules it started under, whatever the home says then.
 */
public final class HomePolicy {
  /** The keys, as written in settings, configs and {@code --set}. */
  public static final List<String> KEYS =
      List.of(PromotionPolicy.POLICY, PromotionPolicy.FOUR_EYES, PromotionPolicy.EXPIRES_AFTER);

  private final MetadataStore store;
  private final Clock clock;

  /** The policy of the home whose metadata is {@code store}. */
  public HomePolicy(MetadataStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The home's settings as text, each key present (the defaults where never set). */
  public Map<String, String> values() {
    return store.read(HomePolicy::values);
  }

  /** The home's policy. */
  public PromotionPolicy policy() {
    return PromotionPolicy.from(values());
  }

  /**
   * Changes the home's policy as {@code admin} (checked inside the transaction) and audits each
   * change as {@code old→new} in the same transaction; returns the keys that changed. Unknown keys
   * and bad values are refused before anything is written.
   */
  public Map<String, String> set(Map<String, String> changes, Reviewer admin)
      throws ReviewException {
    Map<String, String> wanted = new LinkedHashMap<>();
    changes.forEach(
        (key, value) ->
            wanted.put(
                key.equals("promotion") ? PromotionPolicy.POLICY : key,
                value.strip().toLowerCase(Locale.ROOT)));
    List<String> problems = new ArrayList<>();
    wanted.keySet().stream()
        .filter(k -> !KEYS.contains(k))
        .forEach(
            k ->
                problems.add(
                    k
                        + ": not a home policy key (expected one of "
                        + String.join(", ", KEYS)
                        + ")"));
    problems.addAll(PromotionPolicy.problems(wanted));
    if (wanted.isEmpty()) {
      problems.add("nothing to set: give KEY=VALUE, e.g. " + PromotionPolicy.POLICY + "=review");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("policy: " + String.join("; ", problems));
    }
    try {
      return store.write(
          c -> {
            String actor =
                Reviewers.requireAdmin(c, Optional.of(admin), "change the home's policy");
            Map<String, String> before = values(c);
            Map<String, String> changed = new TreeMap<>();
            for (Map.Entry<String, String> e : wanted.entrySet()) {
              if (!before.get(e.getKey()).equals(e.getValue())) {
                changed.put(e.getKey(), before.get(e.getKey()) + "→" + e.getValue());
                Settings.put(c, e.getKey(), e.getValue(), clock.instant(), actor);
              }
            }
            if (!changed.isEmpty()) {
              AuditLog.append(c, clock.instant(), actor, "policy_set", "home/promotion", changed);
            }
            return changed;
          });
    } catch (Reviewers.Refused refused) {
      throw refused.reason;
    }
  }

  /**
   * {@code parameters} with the effective {@code promotion.*} (the stricter of the home's and the
   * run's, key by key) written in, to be recorded with the run; refused with one line (exit 2) when
   * the run would weaken the home's policy or its values are malformed.
   */
  public Map<String, String> effective(Map<String, String> parameters) {
    PromotionPolicy.from(parameters);
    Map<String, String> home = values();
    PromotionPolicy required = PromotionPolicy.from(home);
    Map<String, String> effective = new LinkedHashMap<>(parameters);
    List<String> weaker = new ArrayList<>();
    for (String key : KEYS) {
      String asked = parameters.get(key);
      if (asked == null) {
        effective.put(key, home.get(key));
        continue;
      }
      PromotionPolicy run = PromotionPolicy.from(Map.of(key, asked));
      boolean weakens =
          switch (key) {
            case PromotionPolicy.POLICY -> required.reviewed() && !run.reviewed();
            case PromotionPolicy.FOUR_EYES -> required.fourEyes() && !run.fourEyes();
            default -> run.expiresAfter().compareTo(required.expiresAfter()) > 0;
          };
      if (weakens) {
        weaker.add(
            key
                + "="
                + asked.strip()
                + " is refused: this home requires "
                + key
                + (key.equals(PromotionPolicy.EXPIRES_AFTER) ? " of at most " : "=")
                + home.get(key));
      }
      effective.put(key, asked.strip());
    }
    if (!weaker.isEmpty()) {
      throw new ConfigException(
          String.join("; ", weaker)
              + ": a run may make review stricter,"
              + " never weaker (an admin reviewer changes the home's policy with recopipe policy set"
              + " KEY=VALUE --token-file FILE)");
    }
    return effective;
  }

  private static Map<String, String> values(Connection c) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(
        PromotionPolicy.POLICY,
        Settings.get(c, PromotionPolicy.POLICY)
            .orElse(PromotionPolicy.DEFAULT.reviewed() ? "review" : "auto"));
    values.put(
        PromotionPolicy.FOUR_EYES,
        Settings.get(c, PromotionPolicy.FOUR_EYES)
            .orElse(String.valueOf(PromotionPolicy.DEFAULT.fourEyes())));
    values.put(
        PromotionPolicy.EXPIRES_AFTER,
        Settings.get(c, PromotionPolicy.EXPIRES_AFTER)
            .orElse(PromotionPolicy.DEFAULT.expiresAfter().toHours() + "h"));
    return values;
  }
}
