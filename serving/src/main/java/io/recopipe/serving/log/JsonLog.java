package io.recopipe.serving.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes log entries as JSON lines in Cloud Logging's structured form ({@code severity},
 * {@code message}, {@code time}, optional {@code httpRequest}), so that Cloud Run indexes them
 * without an agent and a local run can be read with jq.
 *
 * <p>Entries go through a bounded queue to one logger thread, which formats and writes them in
 * order, so that request threads neither format JSON nor wait on a write. A request line that
 * finds the queue full is dropped and counted (a later line reports the count) rather than
 * slowing the request; other lines wait for room and are written before their call returns.
 *
 * <p>Under load the logger naps {@value #NAP_MICROS} µs between batches instead of being woken
 * per line, so a request costs a queue insert and no thread wake-up or write system call; only
 * the first request after the logger went idle wakes it.
 */
public final class JsonLog {
  /** The default queue capacity. */
  public static final int DEFAULT_CAPACITY = 8192;
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final int BATCH = 1024;
  private static final int NAP_MICROS = 2000;
  private final BlockingQueue<Line> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final JsonGenerator json;
  private final OutputStream out;
  private final Thread logger;
  private volatile boolean idle;
  private long reportedDrops;
  /** The logger thread's last formatted time: lines under load mostly share a millisecond. */
  private long timeMillis = Long.MIN_VALUE;
  private String timeText;

  /** One queued line; a {@code done} latch marks a flush request. */
  private record Line(long epochMillis, String severity, String message, Map<String, ?> fields,
      HttpRequestEntry request, CountDownLatch done) {
  }

  /** Creates a log writing to {@code out} (stdout in the server). */
  public JsonLog(OutputStream out) {
    this(out, DEFAULT_CAPACITY);
  }

  /** Creates a log writing to {@code out} whose queue holds {@code capacity} lines. */
  public JsonLog(OutputStream out, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.out = new BufferedOutputStream(out, 1 << 16);
    try {
      this.json = FACTORY.createGenerator(this.out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    json.setRootValueSeparator(null);
    json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    logger = new Thread(this::drain, "json-log");
    logger.setDaemon(true);
    logger.start();
  }

  /** Request lines dropped so far because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Waits until every line queued before this call has been written out. */
  public void flush() {
    CountDownLatch done = new CountDownLatch(1);
    put(new Line(0, null, null, null, null, done));
    try {
      if (!done.await(5, TimeUnit.SECONDS)) {
        return; // stdout blocked: do not hang a stop on it
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  /**
   * Logs one served request: severity by status, message "METHOD path status", formatted on the
   * logger thread; dropped and counted when the queue is full.
   */
  public void request(HttpRequestEntry request) {
    if (!queue.offer(new Line(System.currentTimeMillis(), null, null, Map.of(), request,
        null))) {
      dropped.incrementAndGet();
    }
    wake();
  }

  /** Logs a line with extra top-level fields (strings, numbers, booleans), written at once. */
  public void write(String severity, String message, Map<String, ?> fields,
      HttpRequestEntry request) {
    put(new Line(System.currentTimeMillis(), severity, message, new LinkedHashMap<>(fields),
        request, null));
    flush();
  }

  private void put(Line line) {
    try {
      queue.put(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LockSupport.unpark(logger);
  }

  /** Wakes the logger if it went idle (a volatile read otherwise). */
  private void wake() {
    if (idle) {
      idle = false;
      LockSupport.unpark(logger);
    }
  }

  /**
   * The logger thread: writes what is queued, naps while lines keep coming, and parks when a nap
   * found nothing (announcing it in {@link #idle} before the last look at the queue).
   */
  private void drain() {
    List<Line> batch = new ArrayList<>(BATCH);
    boolean napped = false;
    while (!Thread.currentThread().isInterrupted()) {
      queue.drainTo(batch, BATCH);
      if (!batch.isEmpty()) {
        for (Line line : batch) {
          if (line.done() != null) {
            flushOut();
            line.done().countDown();
          } else {
            writeLine(line);
          }
        }
        batch.clear();
        if (queue.isEmpty()) {
          flushOut();
          LockSupport.parkNanos(NAP_MICROS * 1000L);
          napped = true;
        }
      } else if (napped) {
        idle = true;
        if (queue.isEmpty()) {
          LockSupport.parkNanos(1_000_000_000L);
        }
        idle = false;
        napped = false;
      } else {
        LockSupport.parkNanos(NAP_MICROS * 1000L);
        napped = true;
      }
    }
  }

  private void writeLine(Line line) {
    long drops = dropped.get();
    if (drops > reportedDrops) {
      writeJson(new Line(line.epochMillis(), "WARNING", "access log: " + (drops - reportedDrops)
          + " request lines dropped (queue full)", Map.of("dropped_total", drops), null, null));
      reportedDrops = drops;
    }
    writeJson(line);
  }

  private void writeJson(Line line) {
    HttpRequestEntry request = line.request();
    String severity = line.severity();
    String message = line.message();
    if (severity == null) {
      int status = request.status();
      severity = status >= 500 ? "ERROR" : status >= 400 ? "WARNING" : "INFO";
      String url = request.url();
      int query = url.indexOf('?');
      message = request.method() + " " + (query < 0 ? url : url.substring(0, query)) + " "
          + status;
    }
    try {
      json.writeStartObject();
      json.writeStringField("severity", severity);
      json.writeStringField("message", message);
      json.writeStringField("time", time(line.epochMillis()));
      for (Map.Entry<String, ?> field : line.fields().entrySet()) {
        json.writeFieldName(field.getKey());
        writeScalar(json, field.getValue());
      }
      if (request != null) {
        request.writeTo(json);
      }
      json.writeEndObject();
      json.flush();
      out.write('\n');
    } catch (IOException e) {
      // stdout gone: nothing sensible to do with a log line
    }
  }

  /** {@code millis} as {@link Instant#toString()} writes it, formatted once per millisecond. */
  private String time(long millis) {
    if (millis != timeMillis || timeText == null) {
      timeText = Instant.ofEpochMilli(millis).toString();
      timeMillis = millis;
    }
    return timeText;
  }

  private void flushOut() {
    try {
      out.flush();
    } catch (IOException e) {
      // stdout gone
    }
  }

  private static void writeScalar(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Number number
        && !(value instanceof Double || value instanceof Float)) {
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
