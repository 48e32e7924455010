package io.recopipe.serving.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes log entries as JSON lines in Cloud Logging's structured form ({@code severity},
 * {@code message}, {@code time}, optional {@code httpRequest}), so that Cloud Run indexes them
 * without an agent and a local run can be read with jq.
 *
 * <p>Request lines are buffered and written at least every {@value #FLUSH_MILLIS} ms by a daemon
 * thread (other lines at once), from a swapped-out buffer, so that request threads never wait on
 * a write system call.
 */
public final class JsonLog {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final long FLUSH_MILLIS = 50;
  private final OutputStream out;
  private final Object bufferLock = new Object();
  private final Object writeLock = new Object();
  private ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 16);
  private ByteArrayOutputStream spare = new ByteArrayOutputStream(1 << 16);

  /** Creates a log writing to {@code out} (stdout in the server). */
  public JsonLog(OutputStream out) {
    this.out = out;
    Thread flusher = new Thread(this::flushPeriodically, "log-flusher");
    flusher.setDaemon(true);
    flusher.start();
  }

  private void flushPeriodically() {
    while (true) {
      try {
        Thread.sleep(FLUSH_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      flush();
    }
  }

  /**
   * Writes out buffered lines: swaps the buffer under a short lock and writes outside it, so
   * request threads never wait for the write system call.
   */
  public void flush() {
    synchronized (writeLock) {
      ByteArrayOutputStream batch;
      synchronized (bufferLock) {
        if (pending.size() == 0) {
          return;
        }
        batch = pending;
        pending = spare;
      }
      try {
        batch.writeTo(out);
        out.flush();
      } catch (IOException e) {
        // stdout gone: nothing sensible to do with a log line
      }
      batch.reset();
      synchronized (bufferLock) {
        spare = batch;
      }
    }
  }

  /** Logs an INFO line. */
  public void info(String message) {
    write("INFO", message, Map.of(), null);
  }

  /** Logs a WARNING line. */
  public void warn(String message) {
    write("WARNING", message, Map.of(), null);
  }

  /** Logs an ERROR line. */
  public void error(String message) {
    write("ERROR", message, Map.of(), null);
  }

  /** Logs a line with extra top-level fields (strings, numbers, booleans). */
  public void write(String severity, String message, Map<String, ?> fields,
      HttpRequestEntry request) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(buffer)) {
      json.writeStartObject();
      json.writeStringField("severity", severity);
      json.writeStringField("message", message);
      json.writeStringField("time", Instant.now().toString());
      for (Map.Entry<String, ?> field : fields.entrySet()) {
        json.writeFieldName(field.getKey());
        writeScalar(json, field.getValue());
      }
      if (request != null) {
        request.writeTo(json);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.write('\n');
    byte[] line = buffer.toByteArray();
    synchronized (bufferLock) {
      pending.write(line, 0, line.length);
    }
    if (request == null || !severity.equals("INFO")) {
      flush();
    }
  }

  private static void writeScalar(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
      json.writeNumber(number.longValue());
    } else if (value instanceof Number number) {
      json.writeNumber(number.doubleValue());
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else {
      json.writeString(value.toString());
    }
  }
}
