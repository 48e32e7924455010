package io.recopipe.components.steps;

import io.recopipe.components.testing.RecordingStepContext;
import io.recopipe.components.warehouse.Warehouse;
import java.nio.file.Path;

/** A step context for the train/evaluate/gate/export tests, with an in-memory warehouse. */
public final class TestContext extends RecordingStepContext {
  public final FakeWarehouse warehouse = new FakeWarehouse();

  public TestContext(Path outputRoot, String runId) {
    super("test", runId, outputRoot, outputRoot.resolve("cache"));
  }

  public TestContext input(String port, Path dir) {
    inputs.put(port, dir);
    return this;
  }

  public TestContext set(String key, String value) {
    parameters.put(key, value);
    return this;
  }

  @Override
  protected Warehouse warehouseOrNull() {
    return warehouse;
  }
}
