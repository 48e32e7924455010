package io.recopipe.serving.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.recopipe.model.data.IdDictionary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Every item id of a model as the bytes of a quoted JSON string, exactly as Jackson's generator
 * writes it, computed once per loaded model: a response then copies 50 ids' bytes instead of
 * checking and encoding 50 strings character by character.
 */
public final class ItemIdJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ItemIdJson() {}

  /** The quoted JSON string of each id of {@code ids}, by index. */
  static byte[][] of(IdDictionary ids) {
    byte[][] out = new byte[ids.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = quoted(ids.id(i));
    }
    return out;
  }

  /**
   * {@code value} as the bytes of a quoted JSON string: printable ASCII as is, anything else as
   * Jackson's generator escapes it.
   */
  public static byte[] quoted(String value) {
    int length = value.length();
    for (int n = 0; n < length; n++) {
      char c = value.charAt(n);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return escaped(value);
      }
    }
    byte[] out = new byte[length + 2];
    out[0] = '"';
    for (int n = 0; n < length; n++) {
      out[n + 1] = (byte) value.charAt(n); // printable ASCII: one byte per char
    }
    out[length + 1] = '"';
    return out;
  }

  private static byte[] escaped(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() * 6 + 2);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
