package io.recopipe.pipeline.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tune step's trials as the review page shows them, read from the TUNING artifact's {@code
 * trials.json}, so a reviewer sees which options were tried and why the model's won.
 *
 * @param objective the objective's name (e.g. {@code mean_squared_error})
 * @param higherIsBetter whether larger objective values are better
 * @param trials every trial in id order
 */
public record TuningTrials(String objective, boolean higherIsBetter, List<Point> trials) {
  /**
   * One trial.
   *
   * @param trialId the trial's id
   * @param numFactors its {@code num_factors}
   * @param l2Reg its {@code l2_reg}
   * @param walsAlpha its {@code wals_alpha}, NaN when not tuned
   * @param objective its validation objective, NaN when it failed
   * @param status SUCCEEDED or FAILED
   * @param optimal whether it won
   */
  public record Point(
      int trialId,
      int numFactors,
      double l2Reg,
      double walsAlpha,
      double objective,
      String status,
      boolean optimal) {}

  /** The trials in {@code tuningDir}; empty when tuning was off (no trials) or absent. */
  public static Optional<TuningTrials> read(Path tuningDir) throws IOException {
    Path file = tuningDir.resolve("trials.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode json = JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
    List<Point> points = new ArrayList<>();
    for (JsonNode value : JsonFields.array(json, "trials")) {
      JsonNode t = JsonFields.asObject(value);
      points.add(
          new Point(
              JsonFields.intValue(t, "trial_id"),
              JsonFields.intValue(t, "num_factors"),
              JsonFields.doubleValue(t, "l2_reg"),
              t.has("wals_alpha") ? JsonFields.doubleOrNaN(t, "wals_alpha") : Double.NaN,
              JsonFields.doubleOrNaN(t, "objective"),
              JsonFields.string(t, "status"),
              JsonFields.bool(t, "is_optimal")));
    }
    return points.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new TuningTrials(
                JsonFields.string(json, "objective"),
                JsonFields.bool(json, "higher_is_better"),
                List.copyOf(points)));
  }
}
