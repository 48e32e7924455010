package io.recopipe.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes encoded events to one stream (the process's stdout, or a step's log file) through a
 * buffer, one whole line at a time under a lock so that lines from several threads never
 * interleave. An ordinary event is flushed at once; {@link #appendBatched} leaves the flush to its
 * caller, so that the access log writes a burst of request lines with one system call.
 */
public final class LineAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements Flushable {
  private final ReentrantLock lock = new ReentrantLock();
  private final OutputStream out;
  private final Encoder<ILoggingEvent> encoder;

  /** An appender of {@code encoder}'s lines to {@code target}; not yet started. */
  public LineAppender(OutputStream target, Encoder<ILoggingEvent> encoder) {
    this.out = new BufferedOutputStream(target, 1 << 16);
    this.encoder = encoder;
    setName("lines");
  }

  /** An appender of Cloud Logging JSON lines to the process's stdout; not yet started. */
  public static LineAppender stdoutJson() {
    return new LineAppender(new FileOutputStream(FileDescriptor.out), new CloudLoggingEncoder());
  }

  @Override
  protected void append(ILoggingEvent event) {
    write(event, true);
  }

  /** Writes {@code event} without flushing: the caller calls {@link #flush()} after a batch. */
  public void appendBatched(ILoggingEvent event) {
    write(event, false);
  }

  private void write(ILoggingEvent event, boolean flush) {
    byte[] line = encoder.encode(event);
    lock.lock();
    try {
      out.write(line);
      if (flush) {
        out.flush();
      }
    } catch (IOException e) {
      // the stream is gone (stdout closed, disk full): a log line has nowhere else to go
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void flush() {
    lock.lock();
    try {
      out.flush();
    } catch (IOException e) {
      // the stream is gone
    } finally {
      lock.unlock();
    }
  }

  /** Flushes and closes the stream (a step's log file; never the process's stdout). */
  public void close() {
    lock.lock();
    try {
      out.close();
    } catch (IOException e) {
      // the stream is gone
    } finally {
      lock.unlock();
    }
  }
}
