package io.recopipe.serving.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A growing byte buffer that writes the few JSON pieces a prediction needs (raw ASCII, strings,
 * floats) exactly as Jackson's generator writes them, because a generator's per-value state
 * checks cost more than the bytes of a response of numbers and ids.
 */
final class JsonBytes {
  private static final JsonFactory FACTORY = new JsonFactory();
  private byte[] bytes;
  private int size;

  /** Creates an empty buffer of {@code capacity} bytes (it grows as needed). */
  JsonBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Appends {@code ascii} as is (field names, punctuation: the caller's constants). */
  JsonBytes raw(String ascii) {
    int length = ascii.length();
    ensure(length);
    for (int n = 0; n < length; n++) {
      bytes[size + n] = (byte) ascii.charAt(n);
    }
    size += length;
    return this;
  }

  /** Appends one byte of punctuation. */
  JsonBytes raw(char ascii) {
    ensure(1);
    bytes[size++] = (byte) ascii;
    return this;
  }

  /** Appends {@code value} as a quoted JSON string, escaped as Jackson's generator does. */
  JsonBytes string(String value) {
    int length = value.length();
    ensure(length + 2);
    int at = size;
    bytes[at++] = '"';
    for (int n = 0; n < length; n++) {
      char c = value.charAt(n);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return escaped(value);
      }
      bytes[at++] = (byte) c;
    }
    bytes[at++] = '"';
    size = at;
    return this;
  }

  /** Anything beyond printable ASCII: Jackson's generator writes it (rare, so not fast). */
  private JsonBytes escaped(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() * 6 + 2);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] quoted = out.toByteArray();
    ensure(quoted.length);
    System.arraycopy(quoted, 0, bytes, size, quoted.length);
    size += quoted.length;
    return this;
  }

  /**
   * Appends {@code value} as Jackson's generator does with its fast float writer: the shortest
   * decimal that reads back as the same float, non-finite values as quoted strings.
   */
  JsonBytes number(float value) {
    String text = NumberOutput.toString(value, true);
    return Float.isFinite(value) ? raw(text) : raw('"').raw(text).raw('"');
  }

  /** The bytes written. */
  byte[] toByteArray() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
