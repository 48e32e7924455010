package io.recopipe.pipeline.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads files, in order, on a thread of its own a few buffers ahead of the caller, so that hashing
 * a dataset of a gigabyte overlaps reading it with digesting it (on two cores, the read costs
 * nothing extra); the caller sees each file's bytes exactly as reading it in turn gives them.
 */
final class ReadAhead implements AutoCloseable {
  private static final int BUFFERS = 4;
  private static final int BUFFER_BYTES = 1 << 20;

  /** Takes a run of a file's bytes. */
  @FunctionalInterface
  interface Sink {
    void accept(byte[] bytes, int offset, int length);
  }

  /** A run of bytes, or the end of a file ({@code length} -1), or a failure to read it. */
  private record Chunk(byte[] bytes, int length, IOException failure) {}

  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<Chunk> filled = new LinkedBlockingQueue<>();
  private final Thread reader;

  private ReadAhead(List<Path> files) {
    for (int n = 0; n < BUFFERS; n++) {
      free.add(new byte[BUFFER_BYTES]);
    }
    reader = new Thread(() -> readAll(files), "tree-hash-read");
    reader.setDaemon(true);
  }

  /** Starts reading {@code files} in order. */
  static ReadAhead start(List<Path> files) {
    ReadAhead reads = new ReadAhead(files);
    reads.reader.start();
    return reads;
  }

  /** Hands every byte of the next file, in order, to {@code sink}. */
  void each(Sink sink) throws IOException {
    while (true) {
      Chunk chunk;
      try {
        chunk = filled.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing");
      }
      if (chunk.failure() != null) {
        throw chunk.failure();
      }
      if (chunk.length() < 0) {
        return;
      }
      try {
        sink.accept(chunk.bytes(), 0, chunk.length());
      } finally {
        free.add(chunk.bytes());
      }
    }
  }

  /** Stops the reader (when the caller stops early) and waits for it. */
  @Override
  public void close() {
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readAll(List<Path> files) {
    try {
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          while (true) {
            byte[] buffer = free.take();
            int length = in.readNBytes(buffer, 0, buffer.length);
            if (length > 0) {
              filled.add(new Chunk(buffer, length, null));
            } else {
              free.add(buffer);
            }
            if (length < buffer.length) {
              break;
            }
          }
        } catch (IOException e) {
          filled.add(new Chunk(null, -1, e));
          return;
        }
        filled.add(new Chunk(null, -1, null));
      }
    } catch (InterruptedException e) {
      // the caller stopped early (a failure of its own): nothing more to read
    }
  }
}
