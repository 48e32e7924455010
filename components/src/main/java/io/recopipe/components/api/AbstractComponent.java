package io.recopipe.components.api;

import java.util.List;

/**
 * Holds a component's identity (name, version, typed ports) so each concrete step contains only its
 * work; the ports are fixed at construction, which is what a pipeline compiler reads.
 */
public abstract class AbstractComponent implements Component {
  private final String name;
  private final String version;
  private final List<Port> inputs;
  private final List<Port> outputs;

  /** Creates a component with fixed identity and ports. */
  protected AbstractComponent(String name, String version, List<Port> inputs, List<Port> outputs) {
    this.name = name;
    this.version = version;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String version() {
    return version;
  }

  @Override
  public final List<Port> inputs() {
    return inputs;
  }

  @Override
  public final List<Port> outputs() {
    return outputs;
  }
}
