package io.recopipe.pipeline.cli;

import picocli.CommandLine.Command;

/** PLACEHOLDER: replaced by the trainer work before this issue closes. */
@Command(name = "train", description = "Trains an ALS model and prints its evaluation.")
final class TrainCommand implements java.util.concurrent.Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not built yet");
  }
}
