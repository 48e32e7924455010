package io.recopipe.serving.http;

import com.fasterxml.jackson.core.io.NumberOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.recopipe.serving.model.ItemIdJson;

/**
 * Writes into a (pooled, direct) Netty buffer the few JSON pieces a prediction needs (raw ASCII,
 * strings, floats) exactly as Jackson's generator writes them, because a generator's per-value
 * state checks cost more than the bytes of a response of numbers and ids.
 */
final class JsonBytes {
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
    return raw(ItemIdJson.quoted(value));
  }

  /** Appends bytes prepared elsewhere (a quoted id from {@link ItemIdJson}) as they are. */
  JsonBytes raw(byte[] bytes) {
    out.writeBytes(bytes);
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
