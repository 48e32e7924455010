package io.recopipe.pipeline.cli;

import picocli.CommandLine.Command;

/** PLACEHOLDER owned by the readers/generator work; replaced before this issue closes. */
@Command(name = "generate", description = "Writes a synthetic MovieLens-shaped data set.")
final class GenerateCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not built yet");
  }
}
