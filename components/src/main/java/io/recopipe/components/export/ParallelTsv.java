package io.recopipe.components.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a large TSV file whose lines are formatted in independent chunks on several threads and
 * written in chunk order, so the file's bytes never depend on the thread count; only a few chunks
 * are held in memory at a time. Formatting numbers is what costs, so this is what scales it.
 */
final class ParallelTsv {
  /** Formats chunk {@code chunk} (its lines, each ending in a newline) into {@code out}. */
  @FunctionalInterface
  interface ChunkFormatter {
    void format(int chunk, StringBuilder out);
  }

  private ParallelTsv() {}

  /** Writes chunks {@code 0 .. chunks - 1} of {@code formatter} to {@code file} in order. */
  static void write(Path file, int chunks, int threads, ChunkFormatter formatter)
      throws IOException {
    int workers = Math.max(1, threads);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            runnable -> {
              Thread thread = new Thread(runnable, "tsv-format");
              thread.setDaemon(true);
              return thread;
            });
    try (OutputStream out = Files.newOutputStream(file)) {
      ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
      int submitted = 0;
      for (int written = 0; written < chunks; written++) {
        while (submitted < chunks && pending.size() < 2 * workers) {
          int chunk = submitted++;
          pending.add(
              pool.submit(
                  () -> {
                    StringBuilder text = new StringBuilder(1 << 16);
                    formatter.format(chunk, text);
                    return text.toString().getBytes(StandardCharsets.UTF_8);
                  }));
        }
        out.write(pending.remove().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing " + file, e);
    } catch (ExecutionException e) {
      throw new IOException("cannot format " + file + ": " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
