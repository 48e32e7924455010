package io.recopipe.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * Writes each event as one JSON line in Cloud Logging's structured form, so that Cloud Run and
 * Vertex AI index the server's and the runs' logs without an agent and a local run can be read with
 * jq. The fields are the ones Cloud Logging documents for a JSON line written to stdout
 * (https://cloud.google.com/logging/docs/structured-logging, "Special JSON fields in messages"):
 * {@code severity} (DEBUG, INFO, WARNING or ERROR), {@code message}, {@code time} (RFC 3339),
 * {@code logging.googleapis.com/labels} with the logger's name and, for a served request, {@code
 * httpRequest}. The event's key-value pairs become top-level fields of the JSON payload (numbers
 * and booleans keep their type, a {@link JsonValue} writes itself), and an exception's stack trace,
 * causes included, goes to {@code exception}, the field Error Reporting reads
 * (https://cloud.google.com/error-reporting/docs/formatting-error-messages).
 *
 * <p>Control characters in any text are escaped by the JSON writer, so an event is always one line.
 */
public final class CloudLoggingEncoder extends EncoderBase<ILoggingEvent> {
  /** The payload field Error Reporting reads a stack trace from. */
  public static final String EXCEPTION = "exception";

  /** Cloud Logging's field for the entry's labels. */
  public static final String LABELS = "logging.googleapis.com/labels";

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final byte[] NOTHING = new byte[0];
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
  private final JsonGenerator json;

  /** The last formatted time: lines under load mostly share a millisecond. */
  private long timeMillis = Long.MIN_VALUE;

  private String timeText;

  /** Creates the encoder. */
  public CloudLoggingEncoder() {
    try {
      json = FACTORY.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.setRootValueSeparator(null);
  }

  /** Cloud Logging's severity for a Logback level. */
  public static String severity(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "ERROR";
      case Level.WARN_INT -> "WARNING";
      case Level.INFO_INT -> "INFO";
      default -> "DEBUG";
    };
  }

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }

  @Override
  public synchronized byte[] encode(ILoggingEvent event) {
    try {
      json.writeStartObject();
      json.writeStringField("severity", severity(event.getLevel()));
      json.writeStringField("message", event.getFormattedMessage());
      json.writeStringField("time", time(event.getTimeStamp()));
      List<KeyValuePair> pairs = event.getKeyValuePairs();
      if (pairs != null) {
        for (KeyValuePair pair : pairs) {
          json.writeFieldName(pair.key);
          writeValue(pair.value);
        }
      }
      json.writeObjectFieldStart(LABELS);
      json.writeStringField("logger", event.getLoggerName());
      json.writeEndObject();
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeStringField(EXCEPTION, ThrowableProxyUtil.asString(thrown));
      }
      json.writeEndObject();
      json.flush();
      buffer.write('\n');
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    } finally {
      buffer.reset();
    }
  }

  /**
   * One line for an event that did not go through a logger, such as a line a step writes to its own
   * log file: {@code message} at {@code level} from {@code logger} at {@code millis}, with {@code
   * thrown}'s stack trace (causes included) in {@link #EXCEPTION} when not null.
   */
  public byte[] encode(Level level, String logger, long millis, String message, Throwable thrown) {
    LoggingEvent event = new LoggingEvent();
    event.setLevel(level);
    event.setLoggerName(logger);
    event.setTimeStamp(millis);
    event.setMessage(message);
    if (thrown != null) {
      event.setThrowableProxy(new ThrowableProxy(thrown));
    }
    return encode(event);
  }

  private void writeValue(Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof JsonValue structured) {
      structured.writeJson(json);
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Number number) {
      json.writeNumber(number.longValue());
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else {
      json.writeString(value.toString());
    }
  }

  /** {@code millis} as {@link Instant#toString()} writes it, formatted once per millisecond. */
  private String time(long millis) {
    if (millis != timeMillis) {
      timeText = Instant.ofEpochMilli(millis).toString();
      timeMillis = millis;
    }
    return timeText;
  }
}
