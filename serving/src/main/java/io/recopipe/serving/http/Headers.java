package io.recopipe.serving.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.util.AsciiString;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The headers every answer carries (content type, length, date), built without per-value validation
 * from constants and a date formatted once a second, because formatting and checking them per
 * request costs more than the bytes they are. The date is formatted from the calendar fields
 * directly (RFC 9110's IMF-fixdate, always English and GMT), not through a {@code
 * java.util.Calendar}, whose locale data would otherwise be loaded by the first answer of a cold
 * start.
 */
final class Headers {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** Response headers the server sets itself: no validation needed. */
  static final HttpHeadersFactory RESPONSE =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  /** Trailers (none are sent). */
  static final HttpHeadersFactory TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

  private static volatile Stamp date = new Stamp(0, AsciiString.EMPTY_STRING);

  /** The date header's value for one second. */
  private record Stamp(long second, AsciiString text) {}

  private Headers() {}

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
      stamp = new Stamp(second, AsciiString.of(httpDate(second)));
      date = stamp;
    }
    return stamp.text();
  }

  /** {@code epochSecond} as an HTTP date, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
  static String httpDate(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder text =
        new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
    twoDigits(text, t.getDayOfMonth())
        .append(' ')
        .append(MONTHS[t.getMonthValue() - 1])
        .append(' ')
        .append(t.getYear())
        .append(' ');
    twoDigits(text, t.getHour()).append(':');
    twoDigits(text, t.getMinute()).append(':');
    return twoDigits(text, t.getSecond()).append(" GMT").toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
