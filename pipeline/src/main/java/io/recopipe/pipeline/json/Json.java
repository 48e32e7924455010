package io.recopipe.pipeline.json;

import io.recopipe.model.error.InvalidInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The pipeline's Jackson configurations, each built once: a strict reader for the JSON that runs
 * leave behind, and the compact writer of the lines the CLI prints, configured so that those lines
 * are spelled byte for byte as earlier releases printed them.
 *
 * <p>Reading refuses what another tool might read differently (duplicate keys, trailing content,
 * nesting deeper than {@value #MAX_DEPTH}) and reports malformed text as an
 * {@link IllegalArgumentException} naming line and column. Writing keeps map order, spells
 * integers without a fraction and other numbers as {@link Double#toString(double)} does (a float
 * widened to a double first), writes NaN and infinities as {@code null} and escapes control
 * characters with lowercase hex digits.
 */
public final class Json {
  /** The deepest nesting of arrays and objects read. */
  public static final int MAX_DEPTH = 512;

  private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();

  private static final ObjectMapper COMPACT = JsonMapper.builder()
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .addModule(new SimpleModule("recopipe-numbers")
          .addSerializer(Double.class, new DoubleOrNull())
          .addSerializer(Float.class, new DoubleOrNull()))
      .build();

  private Json() {
  }

  /** Parses the one JSON value that makes up {@code text} (whitespace aside). */
  public static JsonNode parse(String text) {
    try (JsonParser parser = STRICT.createParser(text)) {
      return read(parser);
    } catch (JsonProcessingException e) {
      throw malformed(e.getLocation(), e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory input: not expected
    }
  }

  /** Parses the one JSON value that makes up the UTF-8 {@code utf8}; bad UTF-8 is refused. */
  public static JsonNode parse(byte[] utf8) {
    try (JsonParser parser = STRICT.createParser(utf8)) {
      return read(parser);
    } catch (JsonProcessingException e) {
      throw malformed(e.getLocation(), e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory input: not expected
    }
  }

  /**
   * Writes {@code value} on one line without spaces: a map (in its order), list, string, number,
   * boolean, enum (its name), JSON tree or null.
   *
   * @throws IllegalArgumentException for a value Jackson cannot write
   */
  public static String compact(Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode read(JsonParser parser) throws IOException {
    if (parser.nextToken() == null) {
      throw malformed(parser.currentLocation(), "unexpected end of input, expected a value", null);
    }
    JsonNode value = STRICT.readTree(parser);
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw malformed(parser.currentTokenLocation(),
          "unexpected '" + parser.getText() + "' after the JSON value", null);
    }
    return value;
  }

  private static IllegalArgumentException malformed(JsonLocation at, String detail,
      Throwable cause) {
    String where = at == null || at.getLineNr() < 1 ? ""
        : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return new InvalidInputException(where + detail, cause);
  }

  /** Writes a floating-point number as a double, and one JSON cannot spell as null. */
  private static final class DoubleOrNull extends StdSerializer<Number> {
    private static final long serialVersionUID = 1L;

    DoubleOrNull() {
      super(Number.class);
    }

    @Override
    public void serialize(Number value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      double number = value.doubleValue();
      if (Double.isFinite(number)) {
        generator.writeNumber(number);
      } else {
        generator.writeNull();
      }
    }
  }
}
