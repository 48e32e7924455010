package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import java.math.BigDecimal;

/**
 * Parameter values as {@code google.protobuf.Value} holds them: every number is a double (an
 * integral one written without a fraction), and the text a placeholder gets for a value is KFP's
 * ({@code FormatFloat(v, 'f', -1, 64)}, {@code true}/{@code false}, compact JSON).
 */
final class Values {
  private static final double SAFE_INTEGER = 9007199254740992.0; // 2^53

  private Values() {}

  /** The protobuf number {@code value}: an integer node when integral and exact, else a double. */
  static JsonNode number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < SAFE_INTEGER && !isNegativeZero(value)) {
      return LongNode.valueOf((long) value);
    }
    return DoubleNode.valueOf(value);
  }

  /** {@code value} with every number replaced by its protobuf form (see {@link #number}). */
  static JsonNode canonical(JsonNode value) {
    if (value.isNumber()) {
      return number(value.doubleValue());
    }
    if (value.isArray()) {
      ArrayNode copy = Json.array();
      value.forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    if (value.isObject()) {
      ObjectNode copy = Json.object();
      value.properties().forEach(e -> copy.set(e.getKey(), canonical(e.getValue())));
      return copy;
    }
    return value;
  }

  /**
   * The text KFP's launcher substitutes for {@code value} ({@code getPlaceholders}) and its driver
   * passes to a STRING input ({@code PbValueToText}): strings as is, numbers in plain decimal
   * without a needless fraction ({@code 42}, {@code 0.00001}), booleans, lists and structs as JSON.
   */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      double number = value.doubleValue();
      if (isNegativeZero(number)) {
        return "-0";
      }
      return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    return Json.compact(canonical(value));
  }

  private static boolean isNegativeZero(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) != 0;
  }
}
