package io.recopipe.infra.bigquery;

import java.nio.file.Path;

/**
 * The components' recording step context as the BigQuery ML engine sees it (step {@code train}, run
 * {@code run-1}); the engine only logs and records metrics, so it needs no warehouse here.
 */
final class RecordingStepContext extends io.recopipe.components.testing.RecordingStepContext {
  RecordingStepContext(Path dir) {
    super("train", "run-1", dir.resolve("outputs"), dir.resolve("cache"));
  }
}
