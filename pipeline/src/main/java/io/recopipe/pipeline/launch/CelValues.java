package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * CEL's view of a {@code google.protobuf.Value} (numbers are doubles) and the operators and
 * conversions a trigger condition uses, with cel-go's semantics: numeric values compare across int
 * and double, other mixed types are unequal and cannot be ordered.
 */
final class CelValues {
  private CelValues() {}

  /** The CEL value of {@code value}: String, Double, Boolean, or the node for lists and maps. */
  static Object of(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNull()) {
      return null;
    }
    return value;
  }

  /** {@code int(x)}, {@code double(x)}, {@code string(x)} or {@code bool(x)}. */
  static Object convert(String function, Object value) {
    try {
      return switch (function) {
        case "int" -> {
          if (value instanceof Double d) {
            if (!Double.isFinite(d) || Math.abs(d) >= 9.223372036854775807E18) {
              throw new IllegalArgumentException("range error converting " + d + " to int");
            }
            yield (long) d.doubleValue(); // truncates toward zero
          }
          if (value instanceof String s) {
            yield Long.parseLong(s);
          }
          if (value instanceof Long) {
            yield value;
          }
          throw noOverload(function, value);
        }
        case "double" -> {
          if (value instanceof Number n) {
            yield n.doubleValue();
          }
          if (value instanceof String s) {
            yield Double.parseDouble(s);
          }
          throw noOverload(function, value);
        }
        case "string" -> {
          if (value instanceof Double d) {
            yield Values.text(Values.number(d));
          }
          if (value instanceof JsonNode) {
            throw noOverload(function, value);
          }
          yield String.valueOf(value);
        }
        default -> {
          if (value instanceof Boolean) {
            yield value;
          }
          if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            yield Boolean.parseBoolean(s);
          }
          throw noOverload(function, value);
        }
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(function + "(" + value + "): " + e.getMessage(), e);
    }
  }

  /** {@code left OP right} for the six comparison operators. */
  static Object compare(String op, Object left, Object right) {
    if (op.equals("==") || op.equals("!=")) {
      boolean equal = equal(left, right);
      return op.equals("==") == equal;
    }
    int order;
    if (left instanceof Number a && right instanceof Number b) {
      order = Double.compare(a.doubleValue(), b.doubleValue());
    } else if (left instanceof String a && right instanceof String b) {
      order = a.compareTo(b);
    } else if (left instanceof Boolean a && right instanceof Boolean b) {
      order = Boolean.compare(a, b);
    } else {
      throw new IllegalArgumentException(
          "no such overload: " + describe(left) + " " + op + " " + describe(right));
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean equal(Object left, Object right) {
    if (left instanceof Number a && right instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return Objects.equals(left, right);
  }

  private static IllegalArgumentException noOverload(String function, Object value) {
    return new IllegalArgumentException(
        "no such overload: " + function + "(" + describe(value) + ")");
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return value.toString();
  }
}
