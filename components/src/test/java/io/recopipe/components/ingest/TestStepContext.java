package io.recopipe.components.ingest;

import io.recopipe.components.testing.RecordingStepContext;
import io.recopipe.components.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.Map;

/** A step context for ingest tests: no inputs, outputs under {@code root/out}, a real warehouse. */
final class TestStepContext extends RecordingStepContext {
  private final Warehouse warehouse;

  TestStepContext(Path root, Warehouse warehouse, Map<String, String> parameters) {
    super("ingest", "test-run", root.resolve("out"), root.resolve("cache"));
    this.warehouse = warehouse;
    this.parameters.putAll(parameters);
  }

  @Override
  protected Warehouse warehouseOrNull() {
    return warehouse;
  }
}
