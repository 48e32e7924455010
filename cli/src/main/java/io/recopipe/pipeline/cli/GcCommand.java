package io.recopipe.pipeline.cli;

import io.recopipe.components.readers.ControlChars;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.gc.GarbageCollector;
import io.recopipe.pipeline.gc.GcPlan;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.runner.LocalRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe gc --keep-runs N [--dry-run]}: removes the artifacts, step logs and staging
 * leftovers of all runs but the newest N, so a home that runs on a schedule does not grow without
 * bound, while registered models and the champion's lineage stay.
 */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description =
        "Removes the artifacts of old runs (never a registered model's bundle or image, "
            + "the champion's lineage, or a running or waiting run's files).")
final class GcCommand implements Callable<Integer> {
  @Mixin HomeOption home;

  @Option(
      names = "--keep-runs",
      paramLabel = "N",
      required = true,
      description = "How many of the newest runs to keep whole.")
  String keepRuns;

  @Option(names = "--dry-run", description = "Print what would be removed; remove nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    int keep = keepRuns();
    RecopipeHome resolved = home.resolve();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(resolved.metadataDb())) {
      out.println("nothing to collect: no runs recorded in " + resolved);
      out.flush();
      return ExitCodes.OK;
    }
    try (MetadataStore store = MetadataStore.open(resolved.metadataDb())) {
      GarbageCollector gc =
          new GarbageCollector(
              store, new ArtifactStore(resolved.artifacts()), LocalRunner.CHAMPION_STEP);
      GcPlan plan = gc.plan(keep);
      if (dryRun) {
        plan.artifacts().forEach(r -> out.println("would remove " + r.uri()));
        plan.staging().forEach(dir -> out.println("would remove " + dir));
      } else {
        gc.apply(plan, "user:" + System.getProperty("user.name", "unknown"), Instant.now());
      }
      out.println(plan.summary(dryRun));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The parsed {@code --keep-runs}; a bad value is bad input (exit 2, one line). */
  private int keepRuns() {
    try {
      int keep = Integer.parseInt(keepRuns.strip());
      if (keep >= 0) {
        return keep;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(
        "--keep-runs must be a whole number 0 or more, was '"
            + ControlChars.escape(keepRuns)
            + "'");
  }
}
