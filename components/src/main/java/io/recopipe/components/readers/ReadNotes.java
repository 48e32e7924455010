package io.recopipe.components.readers;

import java.util.List;

/**
 * What a read tells the user besides the data: notices (such as which columns were detected), the
 * rows skipped under {@code max_bad_records}, and whether the data has timestamps, which decides
 * whether a by-time split is possible.
 *
 * @param notices one-line notices, in order
 * @param rejected rows skipped, in file order
 * @param timestamps whether the ratings carry real timestamps
 */
public record ReadNotes(List<String> notices, List<RejectedRow> rejected, boolean timestamps) {
  /** Copies the lists. */
  public ReadNotes {
    notices = List.copyOf(notices);
    rejected = List.copyOf(rejected);
  }

  /** The notes of a read that has no notices: only its rejects and timestamp presence. */
  static ReadNotes of(RatingsReadResult result) {
    return new ReadNotes(List.of(), result.rejected(), result.timestamps());
  }
}
