package io.recopipe.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-rolled prediction JSON is byte for byte what Jackson's generator writes. */
class JsonBytesTest {
  private static final JsonFactory JACKSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private static String jackson(float[] numbers, List<String> strings) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JACKSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("n");
      for (float number : numbers) {
        json.writeNumber(number);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("s");
      for (String string : strings) {
        json.writeString(string);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String ours(float[] numbers, List<String> strings) {
    JsonBytes json = new JsonBytes(4).raw("{\"n\":[");
    for (int n = 0; n < numbers.length; n++) {
      (n > 0 ? json.raw(',') : json).number(numbers[n]);
    }
    json.raw("],\"s\":[");
    for (int n = 0; n < strings.size(); n++) {
      (n > 0 ? json.raw(',') : json).string(strings.get(n));
    }
    return new String(json.raw("]}").toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void floatsAndIdsAreWrittenExactlyAsJacksonWritesThem() throws IOException {
    Random random = new Random(3);
    float[] numbers = new float[5000];
    for (int n = 0; n < numbers.length; n++) {
      numbers[n] =
          switch (n % 4) {
            case 0 -> Float.intBitsToFloat(random.nextInt()); // any bit pattern, NaNs included
            case 1 -> 1 + 4 * random.nextFloat(); // ratings
            case 2 -> (float) random.nextGaussian() * 1e-3f;
            default -> random.nextInt(11) / 2f;
          };
    }
    float[] specials = {
      0f,
      -0f,
      Float.MIN_VALUE,
      Float.MAX_VALUE,
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      1e7f,
      1e-3f,
      123456789f
    };
    List<String> strings =
        List.of(
            "",
            "1",
            "movie 42",
            "quote\"back\\slash",
            "tab\tnew\nline",
            "\u0000\u001f\u007f",
            "caf\u00e9",
            "\u65e5\u672c",
            "emoji \ud83c\udfac",
            "/slash/");
    assertSame(jackson(numbers, strings), ours(numbers, strings));
    assertSame(jackson(specials, List.of()), ours(specials, List.of()));
  }

  /** Equal strings, or a failure showing where they part (the documents are long). */
  private static void assertSame(String expected, String actual) {
    int at = 0;
    while (at < Math.min(expected.length(), actual.length())
        && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 20);
    assertEquals(
        expected.substring(from, Math.min(expected.length(), at + 20)),
        actual.substring(from, Math.min(actual.length(), at + 20)),
        "at char " + at);
  }
}
