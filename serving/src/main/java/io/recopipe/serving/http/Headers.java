package io.recopipe.serving.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.util.AsciiString;
import java.util.Date;

/**
 * The headers every answer carries (content type, length, date), built without per-value
 * validation from constants and a date formatted once a second, because formatting and checking
 * them per request costs more than the bytes they are.
 */
final class Headers {
  /** Response headers the server sets itself: no validation needed. */
  static final HttpHeadersFactory RESPONSE =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  /** Trailers (none are sent). */
  static final HttpHeadersFactory TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);
  private static volatile Stamp date = new Stamp(0, AsciiString.EMPTY_STRING);

  /** The date header's value for one second. */
  private record Stamp(long second, AsciiString text) {
  }

  private Headers() {
  }

  /** Sets content type, length and date on {@code headers}. */
  static void set(HttpHeaders headers, CharSequence contentType, int length) {
    headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
    headers.set(HttpHeaderNames.DATE, now());
  }

  private static AsciiString now() {
    long millis = System.currentTimeMillis();
    long second = millis / 1000;
    Stamp stamp = date;
    if (stamp.second() != second) {
      stamp = new Stamp(second, AsciiString.of(DateFormatter.format(new Date(second * 1000))));
      date = stamp;
    }
    return stamp.text();
  }
}
