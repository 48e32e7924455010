package io.recopipe.infra.vertex;

import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.model.error.InvalidInputException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@code PipelineJob} message for a compiled spec: the spec as a Struct, the run's
 * parameter values, the pipeline root on GCS and the pipeline service account, so submitting now
 * and submitting from a schedule send the same job.
 */
final class PipelineJobs {
  /** The label every recopipe job carries, so jobs can be listed by pipeline. */
  static final String PIPELINE_LABEL = "recopipe-pipeline";

  private PipelineJobs() {}

  /**
   * The job running {@code specJson} with {@code parameterValues} (root parameter name → value),
   * each sent as the {@code google.protobuf.Value} kind of its root parameter's {@code
   * parameterType}: a number for NUMBER_INTEGER and NUMBER_DOUBLE, a bool for BOOLEAN, the parsed
   * JSON for LIST and STRUCT, and the text for STRING (or a parameter the spec does not declare).
   */
  static PipelineJob of(GcpConfig config, String specJson, Map<String, String> parameterValues) {
    Struct.Builder spec = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(specJson, spec);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidInputException(
          "pipeline spec is not a JSON object: " + e.getMessage().replace('\n', ' '), e);
    }
    String name =
        spec.getFieldsOrDefault("pipelineInfo", Value.getDefaultInstance())
            .getStructValue()
            .getFieldsOrDefault("name", Value.getDefaultInstance())
            .getStringValue();
    if (name.isEmpty()) {
      throw new InvalidInputException("pipeline spec has no pipelineInfo.name");
    }
    Struct declared = field(field(field(spec.build(), "root"), "inputDefinitions"), "parameters");
    Map<String, Value> values = new TreeMap<>();
    parameterValues.forEach(
        (key, value) ->
            values.put(
                key,
                typed(
                    key,
                    field(declared, key)
                        .getFieldsOrDefault("parameterType", Value.getDefaultInstance())
                        .getStringValue(),
                    value)));
    return PipelineJob.newBuilder()
        .setDisplayName(name)
        .setPipelineSpec(spec.build())
        .putLabels(PIPELINE_LABEL, label(name))
        .setRuntimeConfig(
            PipelineJob.RuntimeConfig.newBuilder()
                .setGcsOutputDirectory(config.pipelineRoot())
                .putAllParameterValues(values))
        .setServiceAccount(config.pipelineServiceAccount())
        .build();
  }

  private static Struct field(Struct struct, String name) {
    return struct.getFieldsOrDefault(name, Value.getDefaultInstance()).getStructValue();
  }

  /** {@code text} as the Value kind of KFP parameter type {@code type}. */
  static Value typed(String name, String type, String text) {
    try {
      return switch (type) {
        case "NUMBER_INTEGER", "NUMBER_DOUBLE" ->
            Value.newBuilder().setNumberValue(Double.parseDouble(text.trim())).build();
        case "BOOLEAN" -> {
          String flag = text.trim();
          if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("expected true or false");
          }
          yield Value.newBuilder().setBoolValue(Boolean.parseBoolean(flag)).build();
        }
        case "LIST", "STRUCT" -> {
          Value.Builder value = Value.newBuilder();
          JsonFormat.parser().merge(text, value);
          yield value.build();
        }
        default -> Value.newBuilder().setStringValue(text).build();
      };
    } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
      throw new InvalidInputException(
          "parameter " + name + ": '" + text + "' is not a " + type + " value: " + e.getMessage(),
          e);
    }
  }

  /** A label value: lower-case letters, digits, {@code -} and {@code _}, at most 63 chars. */
  static String label(String text) {
    String value = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    return value.length() > 63 ? value.substring(0, 63) : value;
  }
}
