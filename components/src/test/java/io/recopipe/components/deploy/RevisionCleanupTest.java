package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which revision directories a deploy removes: beyond the newest three and every rolled-back or
 * failed one, never the serving one nor the one it replaced; journals are kept, rows stay.
 */
class RevisionCleanupTest {
  @TempDir Path serviceDir;

  @Test
  void keepsTheServingAndReplacedRevisionsAndArchivesJournals() throws Exception {
    EndpointRegistry registry = EndpointRegistry.load(serviceDir);
    List<RevisionStatus> statuses =
        List.of(
            RevisionStatus.STOPPED,
            RevisionStatus.ROLLED_BACK,
            RevisionStatus.STOPPED,
            RevisionStatus.STOPPED,
            RevisionStatus.FAILED,
            RevisionStatus.SERVING);
    for (int n = 0; n < statuses.size(); n++) {
      String id = "r000" + (n + 1);
      Path dir =
          Files.createDirectories(
              EndpointRegistry.revisionDir(serviceDir, id).resolve("rootfs/app"));
      Files.writeString(dir.resolve("jar"), "x");
      Files.writeString(
          dir.getParent().getParent().resolve(EndpointRegistry.JOURNAL),
          "{\"action\":\"listen\"}\n");
      registry.put(
          new Revision(
              id, "v" + n, "run", "", 0, 0, 0, statuses.get(n), Instant.now(), null, null));
    }
    registry.save();

    List<String> removed = RevisionCleanup.apply(registry);

    assertEquals(List.of("r0001", "r0002", "r0003", "r0005"), removed);
    try (Stream<Path> left = Files.list(serviceDir.resolve("revisions"))) {
      assertEquals(
          List.of("r0004", "r0006"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String id : removed) {
      assertTrue(Files.isRegularFile(RevisionCleanup.archivedJournal(serviceDir, id)), id);
    }
    assertEquals(6, EndpointRegistry.load(serviceDir).revisions().size());
  }
}
