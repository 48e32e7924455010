package io.recopipe.pipeline.cli;

/**
 * A picocli command group that lives outside the shipped CLI jar (the benchmarks): {@link Main}
 * finds each implementation listed in {@code META-INF/services} on the class path and adds it as a
 * subcommand, so the shipped jar needs no reference to it and works without it.
 */
public interface AddOnCommand {}
