package io.recopipe.pipeline.runner;

import java.io.PrintStream;
import java.util.Objects;

/**
 * How one run (or resume) behaves, separate from the pipeline definition because the same
 * definition is run with and without the cache, quietly or not.
 *
 * @param noCache  when true no step reuses an earlier execution (the {@code --no-cache} flag)
 * @param progress where progress lines go (step started, cache key, hit or miss, duration)
 */
public record RunOptions(boolean noCache, PrintStream progress) {
  /** Requires a progress stream. */
  public RunOptions {
    Objects.requireNonNull(progress, "progress");
  }

  /** Caching on, progress to {@code progress}. */
  public static RunOptions to(PrintStream progress) {
    return new RunOptions(false, progress);
  }

  /** The same options with caching turned off. */
  public RunOptions withoutCache() {
    return new RunOptions(true, progress);
  }
}
