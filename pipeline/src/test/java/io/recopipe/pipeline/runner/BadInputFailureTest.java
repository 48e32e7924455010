package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.BadInputException;
import io.recopipe.components.api.ComponentException;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that refuses the user's data fails the run as any failure does (recorded FAILED with its
 * message), and the result says the input was at fault so the CLI can exit with bad input.
 */
class BadInputFailureTest {
  @TempDir Path dir;

  private RunResult runFailing(ComponentException failure) {
    try (LocalRunner runner =
        TestRunners.runner(RecopipeHome.at(dir.resolve("home")), FakeWarehouse::new)) {
      RunResult result =
          runner.run(
              new ToyPipeline(
                      c -> {
                        throw failure;
                      })
                  .build(),
              Map.of(),
              RunOptions.to(new PrintStream(OutputStream.nullOutputStream())));
      assertEquals(
          failure.getMessage(),
          runner.history().show(result.runId()).orElseThrow().run().message());
      return result;
    }
  }

  @Test
  void aBadInputFailureIsRecordedAndMarked() {
    RunResult result =
        runFailing(
            new BadInputException(
                "r.csv line 5000, column 3 (rating):"
                    + " expected a numeric rating, found 'four'"));
    assertEquals(RunStatus.FAILED, result.status());
    assertTrue(result.badInput());
    assertEquals(
        "r.csv line 5000, column 3 (rating): expected a numeric rating, found 'four'",
        result.message());
  }

  @Test
  void anyOtherFailureIsNotBadInput() {
    RunResult result = runFailing(new ComponentException("train: out of memory"));
    assertEquals(RunStatus.FAILED, result.status());
    assertFalse(result.badInput());
  }
}
