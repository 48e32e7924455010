package io.recopipe.model.als;

/**
 * Receives each ML.TRAINING_INFO row as soon as its iteration ends, so a CLI can show progress and
 * a pipeline can record metrics while a long fit runs.
 */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = iteration -> {};

  /** Called after every iteration, in order, on the training thread. */
  void iterationDone(TrainingIteration iteration);
}
