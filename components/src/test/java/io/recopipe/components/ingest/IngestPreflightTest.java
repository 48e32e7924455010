package io.recopipe.components.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.BadInputException;
import io.recopipe.components.readers.DataFormatException;
import io.recopipe.components.readers.DatasetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight reads only the start of a file, with the ingest step's own readers: a bad row
 * within the first {@link IngestComponent#PREFLIGHT_LINES} lines is refused with the step's
 * message, one after them is left to the step.
 */
class IngestPreflightTest {
  @TempDir Path dir;

  private Path ratings(int lines, int badLine) throws IOException {
    StringBuilder text = new StringBuilder("user_id,item_id,rating\n");
    for (int line = 2; line <= lines; line++) {
      text.append(line % 50)
          .append(',')
          .append(line % 70)
          .append(',')
          .append(line == badLine ? "x" : Integer.toString(1 + line % 5))
          .append('\n');
    }
    return Files.writeString(dir.resolve("ratings-" + badLine + ".csv"), text.toString());
  }

  @Test
  void aBadRowWithinTheFirstLinesIsRefusedWithTheStepsMessage() throws IOException {
    Path file = ratings(3_000, IngestComponent.PREFLIGHT_LINES);
    BadInputException refused =
        assertThrows(
            BadInputException.class,
            () -> IngestComponent.preflight(Map.of("source", file.toString())));
    DataFormatException full =
        assertThrows(DataFormatException.class, () -> DatasetReader.read(file));
    assertEquals(full.getMessage(), refused.getMessage());
    assertTrue(refused.getMessage().contains("line 1000, column 3 (rating)"), refused.getMessage());
  }

  @Test
  void aBadRowAfterThePreviewIsLeftToTheStep() throws IOException {
    Path file = ratings(3_000, IngestComponent.PREFLIGHT_LINES + 1);
    assertDoesNotThrow(() -> IngestComponent.preflight(Map.of("source", file.toString())));
    assertThrows(DataFormatException.class, () -> DatasetReader.read(file));
  }

  @Test
  void aLatestSplitOfDataWithoutTimestampsIsRefused() throws IOException {
    Path file = ratings(100, -1);
    BadInputException refused =
        assertThrows(
            BadInputException.class,
            () -> IngestComponent.preflight(Map.of("source", file.toString(), "split", "latest")));
    assertTrue(refused.getMessage().contains("--set ingest.split=random"), refused.getMessage());
  }

  @Test
  void presetsAreGeneratedByTheStepNotPreviewed() {
    assertDoesNotThrow(() -> IngestComponent.preflight(Map.of("source", "preset:ml-100k")));
  }
}
