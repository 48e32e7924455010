package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.recopipe.model.als.AlsOptionTable;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionType;
import io.recopipe.pipeline.config.PipelineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Types each root parameter as KFP's compiler types a pipeline function's annotated arguments
 * ({@code NUMBER_INTEGER}, {@code NUMBER_DOUBLE}, {@code BOOLEAN}, {@code LIST}, {@code STRING}),
 * so Vertex checks a job's values and shows numbers as numbers, and reads back the text KFP's
 * launcher renders for a typed {@code {{$.inputs.parameters['x']}}} (numbers in Go's shortest
 * {@code 'f'} form, booleans {@code true}/{@code false}, lists as JSON) as the config text the
 * component parses.
 *
 * <p>A key's declared type comes from the shipped config (its YAML scalar or list) or, for training
 * options it leaves out, from the ALS option table; other keys are typed by their text as a YAML
 * reader would. A value that does not fit its declared type ({@code auto} for a number) stays a
 * STRING, so every value a config may hold still compiles.
 */
final class ParameterTypes {
  static final String STRING = "STRING";
  static final String INTEGER = "NUMBER_INTEGER";
  static final String DOUBLE = "NUMBER_DOUBLE";
  static final String BOOLEAN = "BOOLEAN";
  static final String LIST = "LIST";

  /** The typed value of one parameter: its KFP type and its {@code defaultValue}. */
  record Typed(String type, JsonNode value) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern INTEGER_TEXT = Pattern.compile("-?(0|[1-9][0-9]{0,15})");
  private static final Pattern DECIMAL_TEXT =
      Pattern.compile("-?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+(\\.[0-9]*)?[eE][-+]?[0-9]+)");
  private static final Pattern WHOLE_DOUBLE = Pattern.compile("-?[0-9]+\\.0*");

  /** Integers beyond 2^53 lose digits in a protobuf Value's double. */
  private static final long SAFE_INTEGER = 1L << 53;

  private static final Map<String, String> DECLARED = declared();

  private ParameterTypes() {}

  /** The type and typed default of config key {@code key} holding {@code text}. */
  static Typed of(String key, String text) {
    String declared = DECLARED.get(key);
    if (declared == null) {
      declared = inferred(text);
    }
    return switch (declared) {
      case INTEGER -> isInteger(text) ? number(INTEGER, text) : string(text);
      case DOUBLE -> isNumber(text) ? number(DOUBLE, text) : string(text);
      case BOOLEAN ->
          isBoolean(text)
              ? new Typed(BOOLEAN, JSON.booleanNode(Boolean.parseBoolean(text.trim())))
              : string(text);
      case LIST -> list(text);
      default -> string(text);
    };
  }

  /**
   * The config text of parameter {@code name} of step {@code step} from the text KFP's launcher
   * substituted: a JSON list back to the config's comma-separated items, and a whole number a
   * launcher spelled with {@code .0} back to an integer; STRING parameters are passed as they are.
   */
  static String configText(String step, String name, String rendered) {
    String declared = DECLARED.getOrDefault(step + "." + name, DECLARED.get(name));
    if (STRING.equals(declared)) {
      return rendered;
    }
    String text = rendered.trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      try {
        JsonNode items = Json.parse(text);
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : items) {
          joined.append(joined.length() == 0 ? "" : ",").append(itemText(item));
        }
        return joined.toString();
      } catch (JsonInputException e) {
        return rendered;
      }
    }
    if (WHOLE_DOUBLE.matcher(text).matches() && INTEGER.equals(declared)) {
      return text.substring(0, text.indexOf('.'));
    }
    return rendered;
  }

  /** The text {@link VertexSpec#parameterValues} gives {@code value}: a string as is, else JSON. */
  static String valueText(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String itemText(JsonNode item) {
    if (item.isNumber()) {
      BigDecimal number = item.decimalValue().stripTrailingZeros();
      return number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
    }
    return item.asText();
  }

  private static String inferred(String text) {
    if (isInteger(text)) {
      return INTEGER;
    }
    if (DECIMAL_TEXT.matcher(text.trim()).matches() && isNumber(text)) {
      return DOUBLE;
    }
    return isBoolean(text) ? BOOLEAN : STRING;
  }

  private static Typed list(String text) {
    ArrayNode items = JSON.arrayNode();
    if (!text.isBlank()) {
      for (String item : text.split(",", -1)) {
        String trimmed = item.trim();
        if (isNumber(trimmed)) {
          items.add(Double.parseDouble(trimmed));
        } else {
          items.add(trimmed);
        }
      }
    }
    return new Typed(LIST, items);
  }

  private static Typed number(String type, String text) {
    return new Typed(type, JSON.numberNode(Double.parseDouble(text.trim())));
  }

  private static Typed string(String text) {
    return new Typed(STRING, JSON.textNode(text));
  }

  private static boolean isInteger(String text) {
    return INTEGER_TEXT.matcher(text.trim()).matches()
        && Math.abs(Long.parseLong(text.trim())) <= SAFE_INTEGER;
  }

  private static boolean isNumber(String text) {
    String trimmed = text.trim();
    if (!(INTEGER_TEXT.matcher(trimmed).matches() || DECIMAL_TEXT.matcher(trimmed).matches())) {
      return false;
    }
    return Double.isFinite(Double.parseDouble(trimmed));
  }

  private static boolean isBoolean(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false");
  }

  /** Declared types: the ALS option table, then the shipped config's YAML over it. */
  private static Map<String, String> declared() {
    Map<String, String> types = new HashMap<>();
    for (Option<?> option : AlsOptionTable.ALL) {
      String type = typeOf(option.type());
      types.put("train." + option.name(), type);
      types.put("tune." + option.name(), type);
    }
    try (InputStream in =
        PipelineConfig.class.getResourceAsStream(PipelineConfig.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + PipelineConfig.DEFAULT_RESOURCE);
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      collect("", root, types);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(types);
  }

  private static void collect(String prefix, JsonNode node, Map<String, String> types) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        collect(key, value, types);
      } else if (value.isArray()) {
        types.put(key, LIST);
      } else if (value.isIntegralNumber()) {
        types.put(key, INTEGER);
      } else if (value.isNumber()) {
        types.put(key, DOUBLE);
      } else if (value.isBoolean()) {
        types.put(key, BOOLEAN);
      } else if (value.isTextual()) {
        types.put(key, STRING);
      }
    }
  }

  private static String typeOf(OptionType<?> type) {
    if (type == OptionType.INTEGER || type == OptionType.LONG) {
      return INTEGER;
    }
    if (type == OptionType.NUMBER || type == OptionType.FINITE) {
      return DOUBLE;
    }
    return type == OptionType.BOOLEAN ? BOOLEAN : STRING;
  }
}
