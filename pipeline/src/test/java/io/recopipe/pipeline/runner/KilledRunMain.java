package io.recopipe.pipeline.runner;

import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.testing.TestRunners;
import java.nio.file.Path;

/**
 * The child process of {@link KillAndResumeTest}: runs the toy pipeline in a home with a train step
 * that announces itself through a marker file and then works slowly, waiting to be killed.
 */
public final class KilledRunMain {
  private KilledRunMain() {}

  /**
   * Arguments: home directory, marker file, train duration in milliseconds and optionally the pause
   * inside each other step in milliseconds.
   */
  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    Path marker = Path.of(args[1]);
    long trainMillis = Long.parseLong(args[2]);
    long pauseMillis = args.length > 3 ? Long.parseLong(args[3]) : 0;
    ToyPipeline toy = new ToyPipeline(c -> ToyPipeline.train(c, trainMillis, marker), pauseMillis);
    try (LocalRunner runner = TestRunners.runner(RecopipeHome.at(home), FakeWarehouse::new)) {
      RunResult result =
          runner.run(toy.build(), KillAndResumeTest.PARAMETERS, RunOptions.to(System.out));
      System.out.println("finished " + result.status());
    }
  }
}
