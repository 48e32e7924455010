package io.recopipe.components.tuning;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.TrainingListener;
import io.recopipe.model.data.Ratings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Trains and scores every point on the validation split, up to {@code max_parallel_trials} at once;
 * each trial is seeded and independent and its result is kept by trial id, so the trials and the
 * winner are identical whatever the parallelism.
 */
public final class TrialRunner {
  private final AlsOptions base;
  private final TuningObjective objective;
  private final int maxParallel;

  /** A runner training with {@code base} options, varying only the tuned ones. */
  public TrialRunner(AlsOptions base, TuningObjective objective, int maxParallel) {
    this.base = base;
    this.objective = objective;
    this.maxParallel = maxParallel;
  }

  /**
   * Runs a trial per point (trial id = position + 1) and marks the best succeeded one optimal (ties
   * go to the lower id); {@code progress} hears one line per finished trial.
   */
  public List<Trial> run(
      List<Hyperparameters> points, ValidationSplit split, Consumer<Trial> progress)
      throws InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            maxParallel,
            r -> {
              Thread thread = new Thread(r, "tuning-trial");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Trial>> futures = new ArrayList<>();
      for (int n = 0; n < points.size(); n++) {
        int id = n + 1;
        Hyperparameters point = points.get(n);
        futures.add(pool.submit(() -> trial(id, point, split)));
      }
      List<Trial> trials = new ArrayList<>();
      for (Future<Trial> future : futures) {
        Trial trial = future.get();
        progress.accept(trial);
        trials.add(trial);
      }
      return markBest(trials);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a tuning trial crashed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Trial trial(int id, Hyperparameters point, ValidationSplit split) {
    long started = System.nanoTime();
    try {
      AlsOptions options = point.applyTo(base);
      Ratings fit = split.fit();
      AlsResult result =
          new AlsTrainer(options).fit(fit, split.validation(), TrainingListener.NONE);
      double value = ObjectiveScorer.score(objective, result.model(), fit, split.validation());
      return new Trial(
          id,
          point,
          value,
          result.lastIteration().loss(),
          result.lastIteration().evalLoss(),
          null,
          false,
          millisSince(started));
    } catch (IllegalArgumentException e) {
      return new Trial(
          id,
          point,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          e.getMessage(),
          false,
          millisSince(started));
    }
  }

  private List<Trial> markBest(List<Trial> trials) {
    int best = -1;
    for (int n = 0; n < trials.size(); n++) {
      Trial trial = trials.get(n);
      if (trial.errorMessage() == null
          && !Double.isNaN(trial.objective())
          && (best < 0 || better(trial.objective(), trials.get(best).objective()))) {
        best = n;
      }
    }
    List<Trial> marked = new ArrayList<>(trials);
    if (best >= 0) {
      marked.set(best, trials.get(best).asOptimal());
    }
    return List.copyOf(marked);
  }

  private boolean better(double candidate, double incumbent) {
    return objective.higherIsBetter() ? candidate > incumbent : candidate < incumbent;
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
