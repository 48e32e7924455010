package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A compiled and validated spec with the parameter values a job of it is submitted with, so {@code
 * compile}, {@code submit} and {@code schedule add --profile gcp} all send what the validator
 * passed; a spec with structural problems is never written or sent.
 *
 * @param json the spec as pretty-printed JSON (sorted keys, trailing newline)
 * @param parameterValues root parameter name → value, the job's {@code parameter_values}: a STRING
 *     parameter's text, any other's JSON ({@code 42.0}, {@code true}, {@code [2.0,64.0]}); the
 *     spec's {@code parameterType} says which
 */
public record VertexSpec(String json, Map<String, String> parameterValues) {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Compiles {@code pipeline} with {@code parameters} and validates the result. */
  public static VertexSpec compile(
      Pipeline pipeline, Map<String, String> parameters, KfpOptions options) {
    ObjectNode spec = new KfpCompiler(options).compile(pipeline, parameters);
    Set<String> problems = new LinkedHashSet<>(SpecValidator.problems(spec));
    for (Step step : KfpCompiler.includedSteps(pipeline, parameters)) {
      if (step.condition().isPresent()) {
        String gate = step.condition().get().source().step();
        problems.addAll(SpecValidator.problems(spec, step.name(), gate));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "compiled spec of " + pipeline.name() + " is invalid: " + String.join("; ", problems));
    }
    Map<String, String> values = new TreeMap<>();
    spec.path("root")
        .path("inputDefinitions")
        .path("parameters")
        .properties()
        .forEach(
            e ->
                values.put(
                    e.getKey(), ParameterTypes.valueText(e.getValue().path("defaultValue"))));
    return new VertexSpec(toJson(spec), values);
  }

  /**
   * The job's parameter values with {@code submittedBy} as the {@value JobVersions#SUBMITTED_BY}
   * parameter: who submits the job (or a schedule's {@code scheduler:NAME}), recorded as the
   * requester of its approval, whom the four-eyes rule refuses as approver.
   */
  public Map<String, String> parameterValues(String submittedBy) {
    Map<String, String> values = new TreeMap<>(parameterValues);
    values.put(JobVersions.SUBMITTED_BY, submittedBy);
    return values;
  }

  /** {@code spec} as the pretty-printed text this class writes. */
  static String toJson(ObjectNode spec) {
    try {
      return MAPPER.writeValueAsString(spec) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the spec to {@code file} atomically: a reader sees the old file or the new one. */
  public void writeTo(Path file) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
