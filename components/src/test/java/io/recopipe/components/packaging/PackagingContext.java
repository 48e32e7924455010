package io.recopipe.components.packaging;

import io.recopipe.components.testing.RecordingStepContext;
import java.nio.file.Path;

/** A step context for the package step: one model input, outputs and cache under a temp dir. */
final class PackagingContext extends RecordingStepContext {
  PackagingContext(Path root, Path model, String runId) {
    super("package", runId, root.resolve("out"), root.resolve("cache"));
    inputs.put("model", model);
  }

  PackagingContext set(String key, String value) {
    parameters.put(key, value);
    return this;
  }
}
