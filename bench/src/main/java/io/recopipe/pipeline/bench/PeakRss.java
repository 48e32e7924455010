package io.recopipe.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This process's peak resident set size from Linux's {@code /proc/self/status} (VmHWM), which
 * counts what the heap meter cannot see (DuckDB's native memory, mapped files, thread stacks), so a
 * benchmark reports the memory a machine must really have; empty where there is no procfs.
 */
public final class PeakRss {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakRss() {}

  /**
   * Resets the peak to the current RSS (writing 5 to {@code clear_refs}, Linux ≥ 4.0), so the next
   * {@link #mebibytes} covers only what runs after; returns false when the kernel refused, in which
   * case the peak stays the whole process's.
   */
  public static boolean reset() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** The peak RSS in MiB since the process started or the last successful {@link #reset}. */
  public static OptionalLong mebibytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String kib = line.substring("VmHWM:".length()).replace("kB", "").trim();
          return OptionalLong.of(Long.parseLong(kib) / 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}
