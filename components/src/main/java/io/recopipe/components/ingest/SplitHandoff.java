package io.recopipe.components.ingest;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hands the train and eval splits ingest holds in memory to the steps after it in the same process
 * (train, evaluate), so they do not parse millions of lines ingest has just written: each split is
 * built when a step first reads it (not on ingest's time), exactly as reading its file back builds
 * it (rows in file order, ids numbered in order of first appearance, a rating of -0 as the 0 the
 * file holds), and is used only while the file keeps the checksum it had when written (ingest
 * checksums the bytes as it writes them, and every later read checksums the file). Results are the
 * same with or without it.
 */
final class SplitHandoff {
  private SplitHandoff() {}

  /**
   * Offers the splits of {@code sorted} ({@code isEval} flags the eval rows; neither may change
   * afterwards) as the parse of the split files of dataset {@code dir}, whose files and schema.json
   * are written, {@code checksums} holding the CRC-32C of the bytes written to each split file; a
   * failure only means the later steps read the files.
   */
  static void offer(Path dir, Ratings sorted, boolean[] isEval, Map<String, Long> checksums) {
    if (!roundTrips(sorted.users().ids()) || !roundTrips(sorted.items().ids())) {
      return;
    }
    try {
      IngestedDataset dataset = IngestedDataset.open(dir);
      int evalRows = 0;
      for (boolean flag : isEval) {
        evalRows += flag ? 1 : 0;
      }
      if (evalRows < isEval.length) {
        dataset.offer(
            DatasetLayout.TRAIN,
            checksums.get(DatasetLayout.TRAIN),
            () -> split(sorted, isEval, false));
      }
      if (evalRows > 0) {
        dataset.offer(
            DatasetLayout.EVAL,
            checksums.get(DatasetLayout.EVAL),
            () -> split(sorted, isEval, true));
      }
    } catch (IOException | RuntimeException e) {
      // only saves time: the steps after ingest read the files as before
    }
  }

  /** The eval rows ({@code eval}) or the train rows of {@code sorted}, as their file reads back. */
  static Ratings split(Ratings sorted, boolean[] isEval, boolean eval) {
    int rows = 0;
    for (boolean flag : isEval) {
      rows += flag == eval ? 1 : 0;
    }
    RatingsBuilder builder = new RatingsBuilder(rows);
    int[] userMap = unmapped(sorted.users().size());
    int[] itemMap = unmapped(sorted.items().size());
    for (int n = 0; n < isEval.length; n++) {
      if (isEval[n] != eval) {
        continue;
      }
      int user = sorted.user(n);
      int item = sorted.item(n);
      if (userMap[user] < 0) {
        userMap[user] = builder.users().intern(sorted.users().id(user));
      }
      if (itemMap[item] < 0) {
        itemMap[item] = builder.items().intern(sorted.items().id(item));
      }
      // + 0f turns -0 into 0, the value of the "0" the file holds for it
      builder.addIndexed(userMap[user], itemMap[item], sorted.rating(n) + 0f, sorted.timestamp(n));
    }
    return builder.buildWithoutDuplicateCheck();
  }

  /** Whether every id reads back as itself from UTF-8 (no unpaired surrogate, then). */
  private static boolean roundTrips(List<String> ids) {
    for (String id : ids) {
      for (int n = 0; n < id.length(); n++) {
        if (Character.isSurrogate(id.charAt(n))) {
          return false; // rare enough to leave to the files
        }
      }
    }
    return true;
  }

  private static int[] unmapped(int size) {
    int[] map = new int[size];
    Arrays.fill(map, -1);
    return map;
  }
}
