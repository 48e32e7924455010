package io.recopipe.bench.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak resident memory (Linux {@code VmHWM}), read as recopipe's pipeline
 * benchmark reads it so the two memory figures mean the same thing.
 */
final class PeakRss {
  private PeakRss() {
  }

  /** Peak RSS in MiB, or empty where /proc/self/status has no VmHWM (not Linux). */
  static OptionalLong mebibytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
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
