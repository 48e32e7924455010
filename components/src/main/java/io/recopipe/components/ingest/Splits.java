package io.recopipe.components.ingest;

import io.recopipe.components.synthetic.RandomSplit;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Cuts sorted ratings into train and eval by the configured {@link SplitSpec}: a seeded random
 * fraction, or each user's latest N ratings by timestamp (users with at most N ratings stay wholly
 * in train, so every eval user is also a train user). The split is a flag per row, so both sides
 * keep the sorted order and no rows are copied.
 */
final class Splits {
  private Splits() {}

  /**
   * Which rows go to eval.
   *
   * @param isEval one flag per row of the sorted ratings
   * @param evalRows how many flags are set
   */
  record Membership(boolean[] isEval, int evalRows) {
    /** The rows left for training. */
    int trainRows() {
      return isEval.length - evalRows;
    }
  }

  /**
   * Starts the split of {@code rows} ratings before they are sorted: a random split depends only on
   * the row count, so it is drawn on a background thread while the ratings are sorted; a split by
   * time waits for the sorted ratings. The result is exactly {@link #split}'s.
   */
  static Function<Ratings, Membership> begin(int rows, SplitSpec spec) {
    if (!spec.method().equals(SplitSpec.RANDOM)) {
      return sorted -> split(sorted, spec);
    }
    CompletableFuture<Membership> drawn =
        CompletableFuture.supplyAsync(
            () -> counted(RandomSplit.testRows(rows, spec.evalFraction(), spec.seed())),
            task -> {
              Thread thread = new Thread(task, "ingest-split");
              thread.setDaemon(true);
              thread.start();
            });
    return sorted -> {
      if (sorted.size() != rows) {
        throw new InvalidInputException("split of " + rows + " rows applied to " + sorted.size());
      }
      try {
        return drawn.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw e;
      }
    };
  }

  /** Splits ratings already sorted by user (each user's rows contiguous). */
  static Membership split(Ratings sorted, SplitSpec spec) {
    if (spec.method().equals(SplitSpec.RANDOM)) {
      return counted(RandomSplit.testRows(sorted.size(), spec.evalFraction(), spec.seed()));
    }
    return latest(sorted, spec.evalPerUser());
  }

  static Membership latest(Ratings sorted, int perUser) {
    int size = sorted.size();
    boolean[] isEval = new boolean[size];
    for (int start = 0; start < size; ) {
      int end = start;
      while (end < size && sorted.user(end) == sorted.user(start)) {
        end++;
      }
      if (end - start > perUser) {
        Integer[] block = new Integer[end - start];
        for (int n = 0; n < block.length; n++) {
          block[n] = start + n;
        }
        // latest first; equal timestamps: the later row (higher item id) counts as later
        Arrays.sort(
            block,
            (a, b) ->
                sorted.timestamp(a) != sorted.timestamp(b)
                    ? Long.compare(sorted.timestamp(b), sorted.timestamp(a))
                    : Integer.compare(b, a));
        for (int n = 0; n < perUser; n++) {
          isEval[block[n]] = true;
        }
      }
      start = end;
    }
    return counted(isEval);
  }

  private static Membership counted(boolean[] isEval) {
    int evalRows = 0;
    for (boolean eval : isEval) {
      evalRows += eval ? 1 : 0;
    }
    return new Membership(isEval, evalRows);
  }
}
