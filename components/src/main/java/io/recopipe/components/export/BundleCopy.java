package io.recopipe.components.export;

import io.recopipe.components.api.ComponentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a model bundle directory file by file into an output directory, so the exported model is
 * its own artifact (with its own lineage) rather than a reference into the train step's output.
 */
final class BundleCopy {
  private BundleCopy() {}

  /** Copies every regular file of {@code from} (a flat bundle directory) into {@code to}. */
  static void copy(String step, Path from, Path to) throws ComponentException {
    try {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> entries = Files.list(from)) {
        entries.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
      Files.createDirectories(to);
      for (Path file : files) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new ComponentException(
          step
              + ": cannot copy the model bundle from "
              + from
              + " to "
              + to
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
