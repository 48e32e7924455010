package io.recopipe.pipeline.dsl;

/**
 * A reference to another step's output port, the only way steps are wired together, so that
 * dependencies always follow data flow (as in KFP, where they compile to task output references).
 *
 * @param step the producing step's name
 * @param port the producing component's output port
 */
public record OutputRef(String step, String port) {
  /** The output {@code port} of step {@code step}. */
  public static OutputRef from(String step, String port) {
    return new OutputRef(step, port);
  }

  @Override
  public String toString() {
    return step + "." + port;
  }
}
