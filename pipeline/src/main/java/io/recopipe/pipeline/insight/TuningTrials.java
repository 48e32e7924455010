package io.recopipe.pipeline.insight;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tune step's trials as the review page shows them, read from the TUNING artifact's
 * {@code trials.json}, so a reviewer sees which options were tried and why the model's won.
 *
 * @param objective      the objective's name (e.g. {@code mean_squared_error})
 * @param higherIsBetter whether larger objective values are better
 * @param trials         every trial in id order
 */
public record TuningTrials(String objective, boolean higherIsBetter, List<Point> trials) {
  /**
   * One trial.
   *
   * @param trialId    the trial's id
   * @param numFactors its {@code num_factors}
   * @param l2Reg      its {@code l2_reg}
   * @param walsAlpha  its {@code wals_alpha}, NaN when not tuned
   * @param objective  its validation objective, NaN when it failed
   * @param status     SUCCEEDED or FAILED
   * @param optimal    whether it won
   */
  public record Point(int trialId, int numFactors, double l2Reg, double walsAlpha,
      double objective, String status, boolean optimal) {
  }

  /** The trials in {@code tuningDir}; empty when tuning was off (no trials) or absent. */
  public static Optional<TuningTrials> read(Path tuningDir) throws IOException {
    Path file = tuningDir.resolve("trials.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonObject json = JsonParser.parse(Files.readAllBytes(file)).asObject();
    List<Point> points = new ArrayList<>();
    for (JsonValue value : json.getArray("trials")) {
      JsonObject t = value.asObject();
      points.add(new Point(t.getInt("trial_id"), t.getInt("num_factors"), t.getDouble("l2_reg"),
          t.has("wals_alpha") ? t.getDoubleOrNaN("wals_alpha") : Double.NaN,
          t.getDoubleOrNaN("objective"), t.getString("status"), t.getBoolean("is_optimal")));
    }
    return points.isEmpty() ? Optional.empty() : Optional.of(new TuningTrials(
        json.getString("objective"), json.getBoolean("higher_is_better"), List.copyOf(points)));
  }
}
