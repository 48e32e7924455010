package io.recopipe.bench.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparator's command line, parsed in one place so a wrong flag is one line naming it
 * (exit 2) instead of a Spark stack trace after the session has started.
 *
 * @param ratings the header-less, tab-separated ratings file (user, item, rating, timestamp)
 * @param splitDir a directory with train.tsv and eval.tsv to use as the split, or null to split
 *     the ratings 90/10 with {@code seed}
 * @param out where the Parquet output (factors, recommendations) is written
 * @param caseName the case label of every JSON line
 * @param fits the ALS fits to run, the first being the one compared with recopipe
 * @param regParam Spark's regParam (λ, scaled by each row's rating count as in ALS-WR)
 * @param topN recommendations per user
 * @param threads local[N] worker threads
 * @param seed the split's and ALS's seed
 */
record BenchOptions(Path ratings, Path splitDir, Path out, String caseName, List<AlsFit> fits,
    double regParam, int topN, int threads, long seed) {

  static final String USAGE = "usage: spark-pipeline --ratings FILE --out DIR [--split DIR] "
      + "[--case NAME] [--fits 64x40,34x15] [--reg-param 0.1] [--top-n 50] [--threads 2] "
      + "[--seed 42]";

  /** Parses {@code args}; throws {@link IllegalArgumentException} with a one-line message. */
  static BenchOptions parse(String[] args) {
    Path ratings = null;
    Path split = null;
    Path out = null;
    String caseName = "ml-1m";
    List<AlsFit> fits = List.of(new AlsFit(64, 40), new AlsFit(34, 15));
    double regParam = 0.1;
    int topN = 50;
    int threads = 2;
    long seed = 42;
    for (int i = 0; i < args.length; i += 2) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
      }
      String value = args[i + 1];
      switch (flag) {
        case "--ratings" -> ratings = Path.of(value);
        case "--split" -> split = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--case" -> caseName = value;
        case "--fits" -> fits = AlsFit.parseList(value);
        case "--reg-param" -> regParam = positiveDouble(flag, value);
        case "--top-n" -> topN = positiveInt(flag, value);
        case "--threads" -> threads = positiveInt(flag, value);
        case "--seed" -> seed = parseLong(flag, value);
        default -> throw new IllegalArgumentException("unknown option " + quote(flag) + "; "
            + USAGE);
      }
    }
    if (ratings == null || out == null) {
      throw new IllegalArgumentException("--ratings and --out are required; " + USAGE);
    }
    requireFile(ratings, "--ratings");
    if (split != null) {
      requireFile(split.resolve("train.tsv"), "--split");
      requireFile(split.resolve("eval.tsv"), "--split");
    }
    return new BenchOptions(ratings, split, out, caseName, fits, regParam, topN, threads, seed);
  }

  /** One ALS fit: rank and iteration count, written {@code 64x40}. */
  record AlsFit(int rank, int iterations) {
    static List<AlsFit> parseList(String value) {
      List<AlsFit> fits = new ArrayList<>();
      for (String part : value.split(",", -1)) {
        String[] numbers = part.trim().split("x", -1);
        if (numbers.length != 2) {
          throw new IllegalArgumentException("--fits: " + quote(part)
              + " is not RANKxITERATIONS (e.g. 64x40)");
        }
        fits.add(new AlsFit(positiveInt("--fits rank", numbers[0]),
            positiveInt("--fits iterations", numbers[1])));
      }
      return List.copyOf(fits);
    }

    String label() {
      return "rank" + rank + "-it" + iterations;
    }
  }

  private static void requireFile(Path file, String flag) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(flag + ": no such file " + quote(file.toString()));
    }
  }

  private static int positiveInt(String flag, String value) {
    long parsed = parseLong(flag, value);
    if (parsed <= 0 || parsed > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(flag + ": " + quote(value) + " is not a positive int");
    }
    return (int) parsed;
  }

  private static long parseLong(String flag, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": " + quote(value) + " is not an integer");
    }
  }

  private static double positiveDouble(String flag, String value) {
    try {
      double parsed = Double.parseDouble(value.trim());
      if (parsed > 0 && Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + ": " + quote(value) + " is not a positive number");
  }

  /** Quotes a user-given value with control characters escaped, so the error stays one line. */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
