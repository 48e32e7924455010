package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * KFP's {@code ParameterType.ParameterTypeEnum}: how a parameter's text (an output file, a command
 * line value) becomes a typed value, as KFP's {@code metadata.TextToPbValue} converts it, and
 * whether a value fits the type, as the driver checks it.
 */
enum ParameterType {
  STRING,
  NUMBER_INTEGER,
  NUMBER_DOUBLE,
  BOOLEAN,
  LIST,
  STRUCT,
  TASK_FINAL_STATUS;

  /** The type named {@code parameterType}, or the deprecated {@code type} (INT, DOUBLE, STRING). */
  static Optional<ParameterType> named(String name) {
    return switch (name) {
      case "INT" -> Optional.of(NUMBER_INTEGER);
      case "DOUBLE" -> Optional.of(NUMBER_DOUBLE);
      default -> {
        try {
          yield Optional.of(valueOf(name));
        } catch (IllegalArgumentException e) {
          yield Optional.empty();
        }
      }
    };
  }

  /**
   * The value {@code text} stands for: STRING as is, numbers and booleans trimmed and parsed (Go's
   * {@code ParseBool} spellings), LIST and STRUCT as JSON.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  JsonNode parse(String text) {
    String trimmed = text.strip();
    switch (this) {
      case STRING:
        return TextNode.valueOf(text);
      case NUMBER_INTEGER:
        try {
          return Values.number(Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected an integer, found '" + text + "'", e);
        }
      case NUMBER_DOUBLE:
        try {
          double value = Double.parseDouble(trimmed);
          if (!Double.isFinite(value) || trimmed.matches(".*[a-zA-Z&&[^eE]].*")) {
            throw new NumberFormatException(trimmed);
          }
          return Values.number(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected a number, found '" + text + "'", e);
        }
      case BOOLEAN:
        return switch (trimmed) {
          case "1", "t", "T", "TRUE", "true", "True" -> BooleanNode.TRUE;
          case "0", "f", "F", "FALSE", "false", "False" -> BooleanNode.FALSE;
          default ->
              throw new IllegalArgumentException("expected true or false, found '" + text + "'");
        };
      case LIST:
      case STRUCT:
        JsonNode value;
        try {
          value = Json.parse(text);
        } catch (JsonInputException e) {
          throw new IllegalArgumentException(
              "expected a JSON " + (this == LIST ? "list" : "object") + ": " + e.getMessage(), e);
        }
        if (this == LIST ? !value.isArray() : !value.isObject()) {
          throw new IllegalArgumentException(
              "expected a JSON " + (this == LIST ? "list" : "object") + ", found '" + text + "'");
        }
        return Values.canonical(value);
      default:
        throw new IllegalArgumentException(
            name().toLowerCase(Locale.ROOT) + " parameters have no text form");
    }
  }

  /** Whether {@code value} has this type's JSON kind (integers are numbers, as in protobuf). */
  boolean accepts(JsonNode value) {
    return switch (this) {
      case STRING -> value.isTextual();
      case NUMBER_INTEGER, NUMBER_DOUBLE -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case LIST -> value.isArray();
      case STRUCT, TASK_FINAL_STATUS -> value.isObject();
    };
  }
}
