package io.recopipe.model.als;

/**
 * Which sweeps of {@link TrainingMethod#GIBBS} are kept: the last {@code samples} sweeps spaced
 * {@code thin} apart, ending at the final sweep, so that the chain runs at least {@code burnIn}
 * sweeps first and the kept draws are as decorrelated as the budget allows.
 *
 * @param total sweeps run ({@code max_iterations})
 * @param burnIn sweeps discarded at least ({@code burn_in_iterations})
 * @param samples draws kept ({@code num_samples})
 */
record SampleSchedule(int total, int burnIn, int samples) {

  SampleSchedule {
    if (samples < 1 || burnIn < 0 || total - burnIn < samples) {
      throw new IllegalArgumentException(
          "cannot keep "
              + samples
              + " samples from "
              + total
              + " sweeps after "
              + burnIn
              + " burn-in sweeps");
    }
  }

  /** The spacing between kept sweeps, ⌊(total − burnIn) / samples⌋ ≥ 1. */
  int thin() {
    return (total - burnIn) / samples;
  }

  /** Whether sweep {@code iteration} (from 0) is kept. */
  boolean keeps(int iteration) {
    int fromEnd = total - 1 - iteration;
    return fromEnd >= 0 && fromEnd % thin() == 0 && fromEnd / thin() < samples;
  }
}
