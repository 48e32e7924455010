package io.recopipe.pipeline.runner;

import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.nio.file.Path;

/**
 * The child process of {@link AtomicKillTest}: runs the shipped pipeline (the candidate parameters)
 * on a real home whose evaluate step, after writing its tables, announces itself through a file and
 * then waits to be killed.
 */
public final class AtomicKillMain {
  private AtomicKillMain() {}

  /** Arguments: home directory, pause marker file, started file. */
  public static void main(String[] args) {
    RecopipeHome home = RecopipeHome.at(Path.of(args[0]));
    try (LocalRunner runner = AtomicRunTest.newRunner(home)) {
      RunResult result =
          runner.run(
              InjectedFailure.shippedWith("evaluate", Path.of(args[1]), Path.of(args[2]), 300_000),
              AtomicRunTest.parameters(AtomicRunTest.CANDIDATE),
              RunOptions.to(System.out));
      System.out.println("finished " + result.status() + " " + MovieLensMfPipeline.NAME);
    }
  }
}
