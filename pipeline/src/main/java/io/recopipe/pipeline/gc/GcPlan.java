package io.recopipe.pipeline.gc;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What one {@code recopipe gc} removes, worked out before anything is touched so that {@code
 * --dry-run} prints exactly what a real run would do.
 *
 * @param keepRuns how many of the newest runs are kept whole
 * @param artifacts the artifacts to remove: metadata row id, uri and directory
 * @param staging the staging directories of old runs to remove
 * @param runs the runs something is removed from
 * @param bytes the bytes on disk that removing all of it frees
 */
public record GcPlan(
    int keepRuns, List<Removal> artifacts, List<Path> staging, Set<String> runs, long bytes) {

  /** One artifact to remove. */
  public record Removal(long id, String uri, Path directory) {}

  /** The plan, copied. */
  public GcPlan {
    artifacts = List.copyOf(artifacts);
    staging = List.copyOf(staging);
    runs = Set.copyOf(runs);
  }

  /** The one-line summary: {@code removed K artifacts of M runs, freed X MB}. */
  public String summary(boolean dryRun) {
    String megabytes = String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    return dryRun
        ? "would remove "
            + artifacts.size()
            + " artifacts of "
            + runs.size()
            + " runs, freeing "
            + megabytes
            + " (dry run: nothing removed)"
        : "removed "
            + artifacts.size()
            + " artifacts of "
            + runs.size()
            + " runs, freed "
            + megabytes;
  }
}
