package io.recopipe.components.api;

/**
 * One named, typed input or output of a component, so the runner can wire steps by data flow and
 * check types before running anything.
 *
 * @param name the port name, unique among a component's inputs (or outputs)
 * @param type what kind of artifact flows through it
 * @param optional an optional input may be left unconnected (never true for outputs)
 */
public record Port(String name, ArtifactType type, boolean optional) {
  /** A required port. */
  public static Port of(String name, ArtifactType type) {
    return new Port(name, type, false);
  }

  /** An optional input port. */
  public static Port optional(String name, ArtifactType type) {
    return new Port(name, type, true);
  }
}
