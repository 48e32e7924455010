package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Substitutes an executor's command and arguments from its {@code ExecutorInput} as KFP's launcher
 * does ({@code compileCmdAndArgs} and {@code getPlaceholders} in {@code launcher_v2.go}): {@code
 * {{$}}} becomes the whole ExecutorInput JSON, then each {@code {{$.inputs.parameters['x']}}},
 * {@code {{$.inputs.artifacts['x'].uri|path}}}, {@code {{$.outputs.artifacts['x'].uri|path}}} and
 * {@code {{$.outputs.parameters['x'].output_file}}} is replaced by plain string replacement; like
 * the SDK's local runner, {@code {{$.outputs.output_file}}} becomes the executor output file.
 */
final class Placeholders {
  private final String executorInputJson;
  private final Map<String, String> replacements;

  private Placeholders(String executorInputJson, Map<String, String> replacements) {
    this.executorInputJson = executorInputJson;
    this.replacements = replacements;
  }

  /**
   * The placeholders of {@code executorInput} (protojson field names); {@code localPath} maps an
   * artifact URI to the path the executor reads and writes it at.
   */
  static Placeholders of(JsonNode executorInput, Function<String, String> localPath) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode inputs = executorInput.path("inputs");
    inputs
        .path("artifacts")
        .properties()
        .forEach(e -> artifact(map, "inputs", e.getKey(), e.getValue(), localPath));
    executorInput
        .path("outputs")
        .path("artifacts")
        .properties()
        .forEach(e -> artifact(map, "outputs", e.getKey(), e.getValue(), localPath));
    inputs
        .path("parameterValues")
        .properties()
        .forEach(
            e ->
                map.put(
                    "{{$.inputs.parameters['" + e.getKey() + "']}}", Values.text(e.getValue())));
    executorInput
        .path("outputs")
        .path("parameters")
        .properties()
        .forEach(
            e ->
                map.put(
                    "{{$.outputs.parameters['" + e.getKey() + "'].output_file}}",
                    e.getValue().path("outputFile").asText()));
    JsonNode outputFile = executorInput.path("outputs").path("outputFile");
    if (outputFile.isTextual()) {
      map.put("{{$.outputs.output_file}}", outputFile.textValue());
    }
    return new Placeholders(Json.compact(executorInput), map);
  }

  private static void artifact(
      Map<String, String> map,
      String side,
      String name,
      JsonNode list,
      Function<String, String> localPath) {
    JsonNode first = list.path("artifacts").path(0);
    if (first.isMissingNode()) {
      return;
    }
    String uri = first.path("uri").asText();
    String prefix = "{{$." + side + ".artifacts['" + name + "']";
    map.put(prefix + ".uri}}", uri);
    String path = localPath.apply(uri);
    if (path != null) {
      map.put(prefix + ".path}}", path);
    }
  }

  /** {@code template} with every placeholder replaced. */
  String resolve(String template) {
    String resolved = template.replace("{{$}}", executorInputJson);
    for (Map.Entry<String, String> e : replacements.entrySet()) {
      resolved = resolved.replace(e.getKey(), e.getValue());
    }
    return resolved;
  }

  /** Each of {@code templates} resolved. */
  List<String> resolve(List<String> templates) {
    List<String> resolved = new ArrayList<>(templates.size());
    templates.forEach(t -> resolved.add(resolve(t)));
    return resolved;
  }
}
