package io.recopipe.serving.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.recopipe.logging.LineAppender;
import io.recopipe.logging.LogSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.event.KeyValuePair;

/**
 * The server's access log: one Cloud Logging line per served request (severity by status, message
 * "METHOD path status", {@code httpRequest}), written by the process's JSON log appender from a
 * thread of its own, so that a request thread neither formats JSON nor waits on a write, nor builds
 * a logging event: it queues its {@link HttpRequestEntry} and goes on. A line that finds the
 * bounded queue full is dropped and counted (a later line reports the count) rather than slowing
 * the request.
 *
 * <p>Under load the logger naps {@value #NAP_MICROS} µs between batches instead of being woken per
 * line, and writes each batch with one flush, so a request costs a queue insert and no thread
 * wake-up or write system call; only the first request after the logger went idle wakes it.
 */
public final class AccessLog {
  /** The default queue capacity. */
  public static final int DEFAULT_CAPACITY = 8192;

  /** The logger name of request lines. */
  public static final String LOGGER = "io.recopipe.serving.access";

  private static final int BATCH = 1024;
  private static final int NAP_MICROS = 2000;
  private final BlockingQueue<Line> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final LineAppender out;
  private final Thread logger;
  private volatile boolean idle;
  private long reportedDrops;

  /** One queued request; a {@code done} latch marks a flush request instead. */
  private record Line(long epochMillis, HttpRequestEntry request, CountDownLatch done) {}

  /** An access log writing through {@code out}, whose queue holds {@code capacity} lines. */
  public AccessLog(LineAppender out, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.out = out;
    logger = new Thread(this::drain, "access-log");
    logger.setDaemon(true);
    logger.start();
  }

  /** The access log of the server process: through the JSON lines on stdout. */
  public static AccessLog toStdout() {
    LineAppender lines = LogSetup.jsonLines();
    if (lines == null) { // logging set up for a console: keep the access log JSON all the same
      lines = LineAppender.stdoutJson();
      lines.start();
    }
    return new AccessLog(lines, DEFAULT_CAPACITY);
  }

  /** Request lines dropped so far because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Logs one served request; dropped and counted when the queue is full. */
  public void request(HttpRequestEntry request) {
    if (!queue.offer(new Line(System.currentTimeMillis(), request, null))) {
      dropped.incrementAndGet();
    }
    if (idle) { // wakes the logger if it went idle (a volatile read otherwise)
      idle = false;
      LockSupport.unpark(logger);
    }
  }

  /** Waits (at most 5 s) until every line queued before this call has been written out. */
  public void flush() {
    CountDownLatch done = new CountDownLatch(1);
    try {
      queue.put(new Line(0, null, done));
      LockSupport.unpark(logger);
      done.await(5, TimeUnit.SECONDS); // stdout blocked: do not hang a stop on it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
            out.flush();
            line.done().countDown();
          } else {
            write(line);
          }
        }
        batch.clear();
        if (queue.isEmpty()) {
          out.flush();
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

  private void write(Line line) {
    long drops = dropped.get();
    if (drops > reportedDrops) {
      LoggingEvent warning =
          event(
              line.epochMillis(),
              Level.WARN,
              "access log: " + (drops - reportedDrops) + " request lines dropped (queue full)");
      warning.addKeyValuePair(new KeyValuePair("dropped_total", drops));
      out.appendBatched(warning);
      reportedDrops = drops;
    }
    HttpRequestEntry request = line.request();
    int status = request.status();
    String url = request.url();
    int query = url.indexOf('?');
    LoggingEvent event =
        event(
            line.epochMillis(),
            status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO,
            request.method() + " " + (query < 0 ? url : url.substring(0, query)) + " " + status);
    event.addKeyValuePair(new KeyValuePair(HttpRequestEntry.FIELD, request));
    out.appendBatched(event);
  }

  private static LoggingEvent event(long epochMillis, Level level, String message) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerName(LOGGER);
    event.setLevel(level);
    event.setMessage(message);
    event.setTimeStamp(epochMillis);
    return event;
  }
}
