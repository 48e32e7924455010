package io.recopipe.serving.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.recopipe.model.data.IdDictionary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prepared id bytes are exactly what Jackson's generator writes for each id. */
class ItemIdJsonTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  private static byte[] jackson(String value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JACKSON.createGenerator(out)) {
      json.writeString(value);
    }
    return out.toByteArray();
  }

  @Test
  void everyIdIsQuotedAsJacksonQuotesIt() throws IOException {
    List<String> ids =
        new ArrayList<>(
            List.of(
                "",
                "1",
                "3382",
                "movie 42",
                "quote\"back\\slash",
                "tab\tnew\nline",
                "\u0000\u001f\u007f",
                "caf\u00e9",
                "\u65e5\u672c",
                "emoji \ud83c\udfac",
                "/slash/",
                "~",
                " "));
    Random random = new Random(7);
    for (int n = 0; n < 2000; n++) {
      char[] chars = new char[random.nextInt(12)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) (n % 2 == 0 ? random.nextInt(0x80) : random.nextInt(0x3000));
      }
      String id = new String(chars);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    byte[][] quoted = ItemIdJson.of(IdDictionary.of(ids));
    assertEquals(ids.size(), quoted.length);
    for (int i = 0; i < ids.size(); i++) {
      assertArrayEquals(jackson(ids.get(i)), quoted[i], "id " + i + ": " + ids.get(i));
      assertArrayEquals(quoted[i], ItemIdJson.quoted(ids.get(i)), "id " + i);
    }
  }
}
