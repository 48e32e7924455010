package io.recopipe.components.dataset;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a step reads its {@code dataset} input: opened by its schema, each failure turned into one
 * line naming the step, and a notice when the dataset predates schema.json so the derived rating
 * range is visible in the run's log.
 */
public final class DatasetInput {
  private DatasetInput() {}

  /** Opens input {@code port} of {@code context} (usually {@code dataset}). */
  public static IngestedDataset open(String step, StepContext context, String port)
      throws ComponentException {
    IngestedDataset dataset;
    Path dir = context.input(port);
    try {
      dataset = IngestedDataset.open(dir);
    } catch (IOException e) {
      throw failure(step, dir, e);
    }
    if (!dataset.hasRecordedSchema()) {
      context
          .log()
          .info(
              String.format(
                  Locale.ROOT,
                  "%s: the dataset has no schema.json (an "
                      + "older recopipe wrote it); read in its fixed layout, rating range %s taken from its "
                      + "data",
                  step,
                  dataset.ratingRange()));
    }
    return dataset;
  }

  /** Split {@code file} of {@code dataset}; refused when it has no rows. */
  public static Ratings required(String step, IngestedDataset dataset, String file)
      throws ComponentException {
    return optional(step, dataset, file)
        .orElseThrow(
            () ->
                new ComponentException(
                    step
                        + ": the dataset has no rows in "
                        + file
                        + " (looked in "
                        + dataset.directory()
                        + ")"));
  }

  /** Split {@code file} of {@code dataset}, or empty when it has no rows. */
  public static Optional<Ratings> optional(String step, IngestedDataset dataset, String file)
      throws ComponentException {
    try {
      return dataset.split(file);
    } catch (IOException e) {
      throw failure(step, dataset.directory(), e);
    }
  }

  private static ComponentException failure(String step, Path dir, IOException e) {
    String detail =
        e instanceof CorruptDatasetException
            ? e.getMessage()
            : "cannot read the dataset in " + dir + ": " + e;
    return new ComponentException(step + ": " + detail, e);
  }
}
