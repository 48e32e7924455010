package io.recopipe.pipeline.runner;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * How one run (or resume) behaves, separate from the pipeline definition because the same
 * definition is run with and without the cache, quietly or not, by people or by the scheduler.
 *
 * @param noCache when true no step reuses an earlier execution (the {@code --no-cache} flag)
 * @param progress where progress lines go (step started, cache key, hit or miss, duration)
 * @param startedBy who starts the run (recorded as the run's {@code who}; the four-eyes rule
 *     refuses them as approver): a reviewer's name, the OS user or {@code scheduler:NAME}
 * @param clock the clock approvals are requested and expired by (tests inject one)
 */
public record RunOptions(boolean noCache, PrintStream progress, String startedBy, Clock clock) {
  /** Requires a progress stream, a starter and a clock. */
  public RunOptions {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(startedBy, "startedBy");
    Objects.requireNonNull(clock, "clock");
  }

  /** Options with the OS user as starter and the system clock. */
  public RunOptions(boolean noCache, PrintStream progress) {
    this(noCache, progress, System.getProperty("user.name", "unknown"), Clock.systemUTC());
  }

  /** Caching on, progress to {@code progress}. */
  public static RunOptions to(PrintStream progress) {
    return new RunOptions(false, progress);
  }

  /** The same options with caching turned off. */
  public RunOptions withoutCache() {
    return new RunOptions(true, progress, startedBy, clock);
  }

  /** The same options with {@code who} as the run's starter. */
  public RunOptions startedBy(String who) {
    return new RunOptions(noCache, progress, who, clock);
  }

  /** The same options with {@code newClock} deciding approval times. */
  public RunOptions withClock(Clock newClock) {
    return new RunOptions(noCache, progress, startedBy, newClock);
  }
}
