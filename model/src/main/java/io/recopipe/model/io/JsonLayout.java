package io.recopipe.model.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a JSON tree with Jackson's generator in the exact bytes recopipe's files have always had,
 * so that bundles, manifests and step outputs written today equal those written before: two-space
 * indents, {@code "key": value}, {@code {}} and {@code []} when empty, {@code \n} line ends on
 * every platform, doubles as {@link Double#toString(double)}, NaN and infinities as {@code null},
 * non-ASCII text as is, control characters and lone surrogates as lower-case {@code \\u} escapes.
 */
final class JsonLayout implements PrettyPrinter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private int level;

  private JsonLayout() {}

  /** Returns {@code value} as JSON text, pretty (two-space indents) or compact. */
  static String write(JsonNode value, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      if (pretty) {
        generator.setPrettyPrinter(new JsonLayout());
      }
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return escapeLoneSurrogates(out.toString());
  }

  private static void write(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          generator.writeFieldName(member.getKey());
          write(generator, member.getValue());
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray();
        for (JsonNode element : node) {
          write(generator, element);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NUMBER -> number(generator, node);
      case NULL, MISSING -> generator.writeNull();
      default ->
          throw new IllegalArgumentException(
              "cannot write a " + node.getNodeType() + " node as JSON");
    }
  }

  private static void number(JsonGenerator generator, JsonNode node) throws IOException {
    if (node.isIntegralNumber()) {
      if (node.canConvertToLong()) {
        generator.writeNumber(node.longValue());
      } else {
        generator.writeNumber(node.bigIntegerValue());
      }
      return;
    }
    double value = node.doubleValue();
    if (Double.isFinite(value)) {
      // Double.toString always has '.' or 'E', so the number reads back as a double
      generator.writeNumber(Double.toString(value));
    } else {
      generator.writeNull();
    }
  }

  /**
   * Escapes UTF-16 surrogates that are not part of a pair, which Jackson passes through and UTF-8
   * cannot encode; outside string literals JSON text is ASCII, so any surrogate is in one.
   */
  private static String escapeLoneSurrogates(String json) {
    int length = json.length();
    int first = 0;
    while (first < length && !Character.isSurrogate(json.charAt(first))) {
      first++;
    }
    if (first == length) {
      return json;
    }
    StringBuilder out = new StringBuilder(length + 16).append(json, 0, first);
    for (int i = first; i < length; i++) {
      char c = json.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(json.charAt(i + 1))) {
        out.append(c).append(json.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append("\\u")
            .append(HEX[c >> 12 & 0xf])
            .append(HEX[c >> 8 & 0xf])
            .append(HEX[c >> 4 & 0xf])
            .append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private void newline(JsonGenerator generator) throws IOException {
    generator.writeRaw('\n');
    for (int i = 0; i < level; i++) {
      generator.writeRaw("  ");
    }
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator generator) throws IOException {
    generator.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator generator) throws IOException {
    generator.writeRaw('{');
    level++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator generator) throws IOException {
    newline(generator);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
    generator.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
    generator.writeRaw(',');
    newline(generator);
  }

  @Override
  public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
    level--;
    if (entries > 0) {
      newline(generator);
    }
    generator.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator generator) throws IOException {
    generator.writeRaw('[');
    level++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator generator) throws IOException {
    newline(generator);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
    generator.writeRaw(',');
    newline(generator);
  }

  @Override
  public void writeEndArray(JsonGenerator generator, int values) throws IOException {
    level--;
    if (values > 0) {
      newline(generator);
    }
    generator.writeRaw(']');
  }
}
