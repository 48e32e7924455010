package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.BadInputException;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.RolledBackException;
import io.recopipe.components.readers.DataFormatException;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.bundle.BundleFormatException;
import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.config.ConfigException;
import io.recopipe.pipeline.metadata.MetadataException;
import io.recopipe.pipeline.review.ReviewException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The exit code comes from the exception's type, and a bug is never reported as bad input. */
class OneLineErrorsTest {

  private record Handled(int code, String err) {}

  private static Handled handle(Exception e) {
    CommandLine cli = new CommandLine(CommandLine.Model.CommandSpec.create());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int code = new OneLineErrors().handleExecutionException(e, cli, null);
    return new Handled(code, err.toString().strip());
  }

  @Test
  void badInputExitsTwoWithTheMessage() {
    for (Exception e :
        List.of(
            new InvalidInputException("--keep-runs must be 0 or more"),
            new DataFormatException("r.csv", 3, "expected a number, found 'x'"),
            new ConfigException("c.yaml line 2: unknown key"),
            new BundleFormatException(Path.of("b"), "manifest.json", "truncated"),
            new WarehouseException("table ratings: no such column", null),
            new BadInputException("ingest.source: no such file: r.csv"),
            new NoSuchFileException("r.csv"))) {
      Handled h = handle(e);
      assertEquals(ExitCodes.BAD_INPUT, h.code(), e.toString());
      assertTrue(h.err().startsWith("recopipe: error: "), h.err());
    }
    assertEquals(
        "recopipe: error: no such file: r.csv",
        handle(new UncheckedIOException(new NoSuchFileException("r.csv"))).err());
  }

  @Test
  void aRefusedReviewActionExitsEight() {
    Handled h = handle(new ReviewException(ReviewException.Kind.FORBIDDEN, "four eyes"));
    assertEquals(ExitCodes.REFUSED, h.code());
    assertEquals("recopipe: refused: four eyes", h.err());
  }

  @Test
  void aFailedOperationExitsOne() {
    for (Exception e :
        List.of(
            new OperationFailedException("nothing to resume"),
            new MetadataException("read runs", new java.sql.SQLException("locked")),
            new ComponentException("deploy: port in use"),
            new RolledBackException("smoke test"),
            new IOException("disk full"))) {
      Handled h = handle(e);
      assertEquals(ExitCodes.FAILED, h.code(), e.toString());
      assertEquals("recopipe: error: " + e.getMessage(), h.err());
    }
  }

  @Test
  void aBugIsAnInternalErrorNeverBadInput() {
    for (Exception e :
        List.of(
            new IllegalArgumentException("k must be >= 1, was 0"),
            new IllegalStateException("takeBest needs an empty selector"),
            new NullPointerException("model"),
            new IndexOutOfBoundsException(3))) {
      Handled h = handle(e);
      assertNotEquals(ExitCodes.BAD_INPUT, h.code(), e.toString());
      assertEquals(ExitCodes.INTERNAL, h.code(), e.toString());
      assertEquals(
          "recopipe: internal error: "
              + e
              + " (a bug in recopipe; RECOPIPE_DEBUG=1 shows the stack trace)",
          h.err());
    }
  }

  @Test
  void exitCodesAgreeWithTheFailureKinds() {
    assertEquals(ExitCodes.FAILED, FailureKind.FAILED.exitCode());
    assertEquals(ExitCodes.BAD_INPUT, FailureKind.BAD_INPUT.exitCode());
    assertEquals(ExitCodes.REFUSED, FailureKind.REFUSED.exitCode());
    assertEquals(ExitCodes.INTERNAL, FailureKind.INTERNAL.exitCode());
  }
}
