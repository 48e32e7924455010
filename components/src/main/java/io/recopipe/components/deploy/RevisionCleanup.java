package io.recopipe.components.deploy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the unpacked directories (about 15 MB each) of revisions that can no longer serve: those
 * beyond the newest {@value #KEEP} and every rolled-back or failed one, never the serving revision
 * nor the one it replaced. Their rows stay in the registry as history, and each one's admin journal
 * is first moved to {@code journals/} so no recorded action is lost before it is imported.
 */
final class RevisionCleanup {
  /** How many of the newest revisions keep their directories. */
  static final int KEEP = 3;

  private RevisionCleanup() {}

  /** Removes what may go; returns the removed revision ids. */
  static List<String> apply(EndpointRegistry registry) throws IOException {
    List<Revision> all = registry.revisions();
    Set<String> keep = new HashSet<>();
    Revision serving = registry.serving().orElse(null);
    int newest = Math.max(0, all.size() - KEEP);
    for (int i = all.size() - 1; i >= newest; i--) {
      Revision r = all.get(i);
      if (r == serving || r.status() == RevisionStatus.STOPPED) {
        keep.add(r.revision());
      }
    }
    if (serving != null) {
      keep.add(serving.revision());
    }
    List<String> removed = new ArrayList<>();
    for (Revision r : all) {
      Path dir = EndpointRegistry.revisionDir(registry.serviceDir(), r.revision());
      if (keep.contains(r.revision()) || !Files.isDirectory(dir) || r.alive()) {
        continue;
      }
      archiveJournal(registry.serviceDir(), r.revision(), dir);
      deleteTree(dir);
      removed.add(r.revision());
    }
    return removed;
  }

  /** Where the journal of revision {@code id} is kept once its directory is removed. */
  static Path archivedJournal(Path serviceDir, String id) {
    return serviceDir.resolve(EndpointRegistry.ARCHIVED_JOURNALS).resolve(id + ".jsonl");
  }

  private static void archiveJournal(Path serviceDir, String id, Path dir) throws IOException {
    Path journal = dir.resolve(EndpointRegistry.JOURNAL);
    if (Files.isRegularFile(journal)) {
      Path target = archivedJournal(serviceDir, id);
      Files.createDirectories(target.getParent());
      Files.move(journal, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
