package io.recopipe.components.validation;

import java.util.List;

/**
 * What comparing the run's data with the champion's found: every check, and what the gate must do
 * about it. Drift beyond a threshold blocks blessing; a changed schema, data the champion barely
 * overlaps or a comparison that could not be made sends the model to a reviewer.
 *
 * @param checks every data check made, in a fixed order
 * @param comparable whether the champion's and the candidate's scores on this eval split may be
 *     compared (enough eval users and items known to the champion)
 * @param reviewReasons why a reviewer must look, one sentence each (empty: nothing to review)
 * @param failed the names of failed drift checks, which block blessing
 */
public record DataValidation(
    List<DataCheck> checks, boolean comparable, List<String> reviewReasons, List<String> failed) {
  /** Copies the lists. */
  public DataValidation {
    checks = List.copyOf(checks);
    reviewReasons = List.copyOf(reviewReasons);
    failed = List.copyOf(failed);
  }

  /** Nothing to compare with (no champion): no checks, nothing to review. */
  public static final DataValidation NONE =
      new DataValidation(List.of(), true, List.of(), List.of());
}
