package io.recopipe.components.synthetic;

import io.recopipe.model.error.InvalidInputException;
import java.util.Locale;

/**
 * The MovieLens releases the generator imitates, with their exact user, item and rating counts, so
 * benchmarks at each scale run on data of the real shape without redistributing the real data.
 */
public enum Preset {
  /** MovieLens 100K: 943 users, 1,682 items, 100,000 ratings. */
  ML_100K("ml-100k", 943, 1_682, 100_000),
  /** MovieLens 1M: 6,040 users, 3,706 rated items, 1,000,209 ratings. */
  ML_1M("ml-1m", 6_040, 3_706, 1_000_209),
  /** MovieLens 20M: 138,493 users, 26,744 rated items, 20,000,263 ratings. */
  ML_20M("ml-20m", 138_493, 26_744, 20_000_263);

  private final String cliName;
  private final int users;
  private final int items;
  private final int ratings;

  Preset(String cliName, int users, int items, int ratings) {
    this.cliName = cliName;
    this.users = users;
    this.items = items;
    this.ratings = ratings;
  }

  /** The name used on the command line, such as {@code ml-1m}. */
  public String cliName() {
    return cliName;
  }

  public int users() {
    return users;
  }

  public int items() {
    return items;
  }

  public int ratings() {
    return ratings;
  }

  /** Finds a preset by its CLI name ({@code ml-1m}) or constant name ({@code ML_1M}), any case. */
  public static Preset fromName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Preset preset : values()) {
      if (preset.cliName.equals(wanted)) {
        return preset;
      }
    }
    throw new InvalidInputException(
        "unknown preset '" + name + "'; expected one of ml-100k, " + "ml-1m, ml-20m");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
