package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic test component whose work is a lambda, counting how often it ran. */
final class ToyComponent implements Component {
  /** The work of a toy component. */
  interface Body {
    void run(StepContext context) throws Exception;
  }

  private final String name;
  private final String version;
  private final List<Port> inputs;
  private final List<Port> outputs;
  private final Body body;
  final AtomicInteger runs = new AtomicInteger();
  final AtomicInteger publishes = new AtomicInteger();
  final AtomicInteger prepares = new AtomicInteger();

  ToyComponent(String name, List<Port> inputs, List<Port> outputs, Body body) {
    this(name, "1", inputs, outputs, body);
  }

  ToyComponent(String name, String version, List<Port> inputs, List<Port> outputs, Body body) {
    this.name = name;
    this.version = version;
    this.inputs = inputs;
    this.outputs = outputs;
    this.body = body;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<Port> inputs() {
    return inputs;
  }

  @Override
  public List<Port> outputs() {
    return outputs;
  }

  /** A toy's body reads whatever parameters its test passes, so every parameter is accepted. */
  @Override
  public void validate(Map<String, String> parameters) {}

  @Override
  public void run(StepContext context) throws ComponentException {
    runs.incrementAndGet();
    try {
      body.run(context);
    } catch (ComponentException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void prepare(Map<String, String> parameters) {
    prepares.incrementAndGet();
  }

  @Override
  public void publish(StepContext context) {
    publishes.incrementAndGet();
  }

  /** Writes {@code text} to {@code dir/file}. */
  static void write(Path dir, String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  /** Reads {@code dir/file}. */
  static String read(Path dir, String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  static Port dataset() {
    return Port.of("dataset", ArtifactType.DATASET);
  }

  static Port model() {
    return Port.of("model", ArtifactType.MODEL);
  }

  static Port decision() {
    return Port.of("decision", ArtifactType.GATE_DECISION);
  }
}
