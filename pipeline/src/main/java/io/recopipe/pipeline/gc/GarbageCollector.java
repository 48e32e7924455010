package io.recopipe.pipeline.gc;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.artifacts.Directories;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.metadata.Timestamps;
import io.recopipe.pipeline.runner.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Frees the disk of old runs: removes the artifact directories, step logs and staging leftovers of
 * every run but the newest N, keeping whatever a registered version, the champion's lineage or a
 * live or waiting run still needs, and records each removal (and one audit entry) so history stays
 * readable and the cache treats a removed artifact as a miss.
 */
public final class GarbageCollector {
  /** The audit action of one gc. */
  public static final String AUDIT_ACTION = "gc";

  private final MetadataStore store;
  private final ArtifactStore artifacts;
  private final KeptArtifacts kept;

  /** Over a home's metadata and artifact store; {@code championStep} names the champion. */
  public GarbageCollector(MetadataStore store, ArtifactStore artifacts, String championStep) {
    this.store = store;
    this.artifacts = artifacts;
    this.kept = new KeptArtifacts(store, championStep);
  }

  /** What keeping the newest {@code keepRuns} runs would remove; changes nothing. */
  public GcPlan plan(int keepRuns) throws IOException {
    if (keepRuns < 0) {
      throw new InvalidInputException("--keep-runs must be 0 or more, was " + keepRuns);
    }
    List<RunRecord> runs = new RunRepository(store).list();
    Set<String> keptRuns = new TreeSet<>();
    Set<String> oldRuns = new TreeSet<>();
    for (int i = 0; i < runs.size(); i++) {
      RunRecord run = runs.get(i);
      (i < keepRuns || stillNeeded(run) ? keptRuns : oldRuns).add(run.id());
    }
    Set<Long> keep = kept.ids(keptRuns);
    List<GcPlan.Removal> removals = new ArrayList<>();
    Set<String> touched = new TreeSet<>();
    long bytes = 0;
    for (Map.Entry<Long, String> row : liveArtifacts().entrySet()) {
      String run = runOf(row.getValue());
      if (oldRuns.contains(run) && !keep.contains(row.getKey())) {
        Path dir = artifacts.resolve(row.getValue());
        removals.add(new GcPlan.Removal(row.getKey(), row.getValue(), dir));
        touched.add(run);
        bytes += sizeOf(dir);
      }
    }
    List<Path> staging = new ArrayList<>();
    for (String run : oldRuns) {
      Path dir = artifacts.root().resolve(ArtifactStore.STAGING).resolve(run);
      if (Files.exists(dir)) {
        staging.add(dir);
        touched.add(run);
        bytes += sizeOf(dir);
      }
    }
    return new GcPlan(keepRuns, removals, staging, touched, bytes);
  }

  /**
   * Removes what {@code plan} lists, then marks those artifacts removed and appends one audit entry
   * by {@code actor} in one transaction.
   */
  public void apply(GcPlan plan, String actor, Instant at) throws IOException {
    for (GcPlan.Removal removal : plan.artifacts()) {
      Directories.deleteRecursively(removal.directory());
      deleteEmptyParents(removal.directory());
    }
    for (Path dir : plan.staging()) {
      Directories.deleteRecursively(dir);
    }
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE artifacts SET removed_at = ? WHERE id = ?")) {
            for (GcPlan.Removal removal : plan.artifacts()) {
              ps.setString(1, Timestamps.format(at));
              ps.setLong(2, removal.id());
              ps.executeUpdate();
            }
          }
          Map<String, String> detail = new LinkedHashMap<>();
          detail.put("keep_runs", Integer.toString(plan.keepRuns()));
          detail.put("artifacts", Integer.toString(plan.artifacts().size()));
          detail.put("runs", String.join(",", plan.runs()));
          detail.put("bytes", Long.toString(plan.bytes()));
          AuditLog.append(c, at, actor, AUDIT_ACTION, "home/artifacts", detail);
          return null;
        });
  }

  /** A run gc never touches: still running in a live process, or waiting for a reviewer. */
  private static boolean stillNeeded(RunRecord run) {
    return run.status() == RunStatus.AWAITING_APPROVAL
        || run.status() == RunStatus.RUNNING
            && new ProcessIdentity(run.pid(), run.pidStarted()).isAlive();
  }

  /** Artifacts not yet removed, id → uri. */
  private Map<Long, String> liveArtifacts() {
    return store.read(
        c -> {
          Map<Long, String> rows = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id, uri FROM artifacts WHERE removed_at IS NULL ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.put(rs.getLong(1), rs.getString(2));
            }
          }
          return rows;
        });
  }

  /** The run an artifact's directory belongs to: its uri's first segment. */
  private static String runOf(String uri) {
    int slash = uri.indexOf('/');
    return slash < 0 ? uri : uri.substring(0, slash);
  }

  /** Removes the step and run directories above {@code dir} once they are empty. */
  private void deleteEmptyParents(Path dir) throws IOException {
    for (Path parent = dir.getParent();
        parent != null && !parent.equals(artifacts.root());
        parent = parent.getParent()) {
      try (Stream<Path> entries = Files.list(parent)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        continue;
      }
      Files.deleteIfExists(parent);
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      long total = 0;
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        total += Files.size(file);
      }
      return total;
    }
  }
}
