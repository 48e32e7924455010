package io.recopipe.serving.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes into a (pooled, direct) Netty buffer the few JSON pieces a prediction needs (raw ASCII, strings,
 * floats) exactly as Jackson's generator writes them, because a generator's per-value state
 * checks cost more than the bytes of a response of numbers and ids.
 */
final class JsonBytes {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final ByteBuf out;

  /** Creates an empty heap buffer of {@code capacity} bytes (it grows as needed). */
  JsonBytes(int capacity) {
    this(Unpooled.buffer(Math.max(16, capacity)));
  }

  /** Writes into {@code out} (it grows as needed), the buffer the answer is sent from. */
  JsonBytes(ByteBuf out) {
    this.out = out;
  }

  /** Appends {@code ascii} as is (field names, punctuation: the caller's constants). */
  JsonBytes raw(String ascii) {
    ByteBufUtil.writeAscii(out, ascii);
    return this;
  }

  /** Appends one byte of punctuation. */
  JsonBytes raw(char ascii) {
    out.writeByte(ascii);
    return this;
  }

  /** Appends {@code value} as a quoted JSON string, escaped as Jackson's generator does. */
  JsonBytes string(String value) {
    int length = value.length();
    for (int n = 0; n < length; n++) {
      char c = value.charAt(n);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return escaped(value);
      }
    }
    out.writeByte('"');
    ByteBufUtil.writeAscii(out, value);
    out.writeByte('"');
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
    this.out.writeBytes(out.toByteArray());
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

  /** A copy of the bytes written (tests). */
  byte[] toByteArray() {
    return ByteBufUtil.getBytes(out);
  }

  /** The buffer written to. */
  ByteBuf buffer() {
    return out;
  }
}
