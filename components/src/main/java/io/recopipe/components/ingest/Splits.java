package io.recopipe.components.ingest;

import io.recopipe.components.synthetic.RandomSplit;
import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.model.data.Ratings;
import java.util.Arrays;

/**
 * Cuts sorted ratings into train and eval by the configured {@link SplitSpec}: a seeded random
 * fraction, or each user's latest N ratings by timestamp (users with at most N ratings stay
 * wholly in train, so every eval user is also a train user). Both sides keep the sorted order.
 */
final class Splits {
  private Splits() {
  }

  /** Splits ratings already sorted by user (each user's rows contiguous). */
  static TrainTestSplit split(Ratings sorted, SplitSpec spec) {
    if (spec.method().equals(SplitSpec.RANDOM)) {
      return RandomSplit.split(sorted, spec.evalFraction(), spec.seed());
    }
    return latest(sorted, spec.evalPerUser());
  }

  static TrainTestSplit latest(Ratings sorted, int perUser) {
    int size = sorted.size();
    boolean[] isEval = new boolean[size];
    int evalCount = 0;
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
        Arrays.sort(block, (a, b) -> sorted.timestamp(a) != sorted.timestamp(b)
            ? Long.compare(sorted.timestamp(b), sorted.timestamp(a)) : Integer.compare(b, a));
        for (int n = 0; n < perUser; n++) {
          isEval[block[n]] = true;
        }
        evalCount += perUser;
      }
      start = end;
    }
    int[] train = new int[size - evalCount];
    int[] eval = new int[evalCount];
    int t = 0;
    int e = 0;
    for (int n = 0; n < size; n++) {
      if (isEval[n]) {
        eval[e++] = n;
      } else {
        train[t++] = n;
      }
    }
    return new TrainTestSplit(sorted.select(train), sorted.select(eval));
  }
}
