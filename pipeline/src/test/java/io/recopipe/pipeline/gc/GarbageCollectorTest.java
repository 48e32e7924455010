package io.recopipe.pipeline.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.metadata.ArtifactRepository;
import io.recopipe.pipeline.metadata.ExecutionRepository;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.runner.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which runs gc spares on a real SQLite store and real directories: a run still running in a live
 * process and a run waiting for approval keep everything, a run left RUNNING by a dead process is
 * old like any other, and a removed artifact no longer verifies (a cache miss).
 */
class GarbageCollectorTest {
  @TempDir Path dir;

  @Test
  void sparesLiveAndWaitingRunsAndRemovesAKilledOne() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    ProcessIdentity dead =
        new ProcessIdentity(
            finished.pid(),
            finished.info().startInstant().map(Object::toString).orElse("1970-01-01T00:00:00Z"));
    ProcessIdentity live = ProcessIdentity.current();
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
      ArtifactStore artifacts = new ArtifactStore(dir.resolve("artifacts"));
      StoredArtifact killed = run(store, artifacts, "r1-killed", RunStatus.RUNNING, dead, 1);
      StoredArtifact running = run(store, artifacts, "r2-live", RunStatus.RUNNING, live, 2);
      StoredArtifact waiting =
          run(store, artifacts, "r3-waiting", RunStatus.AWAITING_APPROVAL, dead, 3);
      StoredArtifact newest = run(store, artifacts, "r4-new", RunStatus.SUCCEEDED, dead, 4);
      GarbageCollector gc = new GarbageCollector(store, artifacts, "export");

      GcPlan plan = gc.plan(1);
      assertEquals(
          List.of(killed.uri()), plan.artifacts().stream().map(GcPlan.Removal::uri).toList());
      assertEquals(java.util.Set.of("r1-killed"), plan.runs());
      gc.apply(plan, "system:gc", Instant.parse("2026-01-01T00:00:00Z"));

      assertFalse(artifacts.verify(killed), "a removed artifact is a cache miss");
      assertFalse(Files.exists(artifacts.resolve("r1-killed")));
      for (StoredArtifact kept : List.of(running, waiting, newest)) {
        assertTrue(artifacts.verify(kept), kept.uri());
      }
      assertEquals(0, gc.plan(1).artifacts().size(), "removed rows are not planned again");
      assertThrows(IllegalArgumentException.class, () -> gc.plan(-1));
    }
  }

  private static StoredArtifact run(
      MetadataStore store,
      ArtifactStore artifacts,
      String id,
      RunStatus status,
      ProcessIdentity process,
      int minute)
      throws Exception {
    Instant started = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute);
    new RunRepository(store)
        .insert(
            new RunRecord(
                id,
                "p",
                status,
                null,
                Map.of(),
                started,
                null,
                "tester",
                process.pid(),
                process.started()));
    long execution =
        new ExecutionRepository(store)
            .start(id, "train", "train", "1", "key-" + id, ExecutionStatus.SUCCEEDED, started);
    Path staged = artifacts.newStagingDirectory(id, "model");
    Files.writeString(staged.resolve("weights.txt"), "model of " + id);
    StoredArtifact artifact =
        artifacts.commit(staged, ArtifactStore.uriOf(id, "train", "model"), ArtifactType.MODEL);
    return new ArtifactRepository(store)
        .recordAndLink(artifact, execution, ArtifactRepository.OUTPUT, "model");
  }
}
