package io.recopipe.components.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.model.io.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The content of evaluate's {@code metrics.json}: the candidate's scores as flat name → number
 * members (the METRICS artifact contract) and, when a champion exists, a {@code champion} object
 * with its scores on the same eval split and a {@code deltas} object (candidate − champion per
 * metric), so the gate and a human read the comparison from one file.
 *
 * @param candidate the model just trained
 * @param champion the current champion, when there is one
 */
public record MetricsReport(ModelScores candidate, Optional<ModelScores> champion) {
  /** The file name inside the METRICS artifact. */
  public static final String FILE = "metrics.json";

  /** JSON key of the champion section. */
  public static final String CHAMPION = "champion";

  /** JSON key of the deltas inside the champion section. */
  public static final String DELTAS = "deltas";

  /** Candidate − champion for every metric both have; empty without a champion. */
  public Map<String, Double> deltas() {
    Map<String, Double> deltas = new LinkedHashMap<>();
    champion.ifPresent(
        c ->
            candidate
                .metrics()
                .forEach(
                    (name, value) -> {
                      if (c.metrics().containsKey(name)) {
                        deltas.put(name, value - c.get(name));
                      }
                    }));
    return deltas;
  }

  /** The JSON form. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    candidate.putInto(json);
    champion.ifPresent(
        c -> {
          ObjectNode section = Json.object();
          c.putInto(section);
          ObjectNode deltas = section.putObject(DELTAS);
          deltas().forEach((name, value) -> deltas.set(name, StepFiles.number(value)));
          json.set(CHAMPION, section);
        });
    return json;
  }

  /** Reads the JSON form (deltas are recomputed from the two score sets). */
  public static MetricsReport fromJson(ObjectNode json) {
    Optional<ModelScores> champion =
        json.has(CHAMPION) && json.get(CHAMPION) instanceof ObjectNode c
            ? Optional.of(ModelScores.from(c))
            : Optional.empty();
    return new MetricsReport(ModelScores.from(json), champion);
  }
}
