package io.recopipe.components.deploy;

import io.recopipe.components.testing.RecordingStepContext;
import java.nio.file.Path;

/** A step context for deploy tests: inputs, parameters and a home whose service dir is shared. */
final class DeployContext extends RecordingStepContext {
  DeployContext(Path home, Path outputs, String runId) {
    super("deploy", runId, outputs, home.resolve("cache"));
  }

  DeployContext input(String port, Path dir) {
    inputs.put(port, dir);
    return this;
  }

  DeployContext set(String key, String value) {
    parameters.put(key, value);
    return this;
  }
}
