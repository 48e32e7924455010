package io.recopipe.pipeline.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ArtifactType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
  @TempDir Path dir;

  private static Path fill(Path staged, String content) throws IOException {
    Files.createDirectories(staged.resolve("sub"));
    Files.writeString(staged.resolve("a.txt"), content);
    Files.writeString(staged.resolve("sub/b.txt"), "bee");
    return staged;
  }

  @Test
  void commitRenamesTheStagedTreeIntoPlaceWithItsHash() throws IOException {
    ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
    Path staged = fill(store.newStagingDirectory("run1", "train-model"), "hello");
    StoredArtifact artifact =
        store.commit(staged, ArtifactStore.uriOf("run1", "train", "model"), ArtifactType.MODEL);

    assertFalse(Files.exists(staged));
    Path committed = store.resolve("run1/train/model");
    assertEquals("hello", Files.readString(committed.resolve("a.txt")));
    assertEquals(8, artifact.bytes());
    assertEquals(TreeHash.of(committed).sha256(), artifact.sha256());
    assertTrue(store.verify(artifact));
  }

  @Test
  void theHashDependsOnNamesAndContentsNotOnLocation() throws IOException {
    TreeHash a = TreeHash.of(fill(Files.createDirectories(dir.resolve("x")), "same"));
    TreeHash b = TreeHash.of(fill(Files.createDirectories(dir.resolve("y/z")), "same"));
    assertEquals(a, b);
    TreeHash renamed = TreeHash.of(Files.move(dir.resolve("y/z"), dir.resolve("w")));
    Files.move(dir.resolve("w/a.txt"), dir.resolve("w/c.txt"));
    assertNotEquals(a, TreeHash.of(dir.resolve("w")));
    assertEquals(a, renamed);
  }

  @Test
  void verifyDetectsTamperingAndDeletion() throws IOException {
    ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
    StoredArtifact artifact =
        store.commit(
            fill(store.newStagingDirectory("r", "s"), "v1"), "r/s/p", ArtifactType.DATASET);
    Files.writeString(store.resolve("r/s/p/a.txt"), "v2");
    assertFalse(store.verify(artifact));
    Files.writeString(store.resolve("r/s/p/a.txt"), "v1");
    assertTrue(store.verify(artifact));
    Files.writeString(store.resolve("r/s/p/extra.txt"), "");
    assertFalse(store.verify(artifact), "an added empty file changes the hash");
    Directories.deleteRecursively(store.resolve("r/s/p"));
    assertFalse(store.verify(artifact));
  }

  @Test
  void recommittingReplacesAnOrphanLeftByACrash() throws IOException {
    ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
    store.commit(fill(store.newStagingDirectory("r", "s"), "old"), "r/s/p", ArtifactType.MODEL);
    StoredArtifact again =
        store.commit(fill(store.newStagingDirectory("r", "s"), "new"), "r/s/p", ArtifactType.MODEL);
    assertEquals("new", Files.readString(store.resolve("r/s/p/a.txt")));
    assertTrue(store.verify(again));
  }

  @Test
  void cleanStagingRemovesOnlyThatRunsLeftovers() throws IOException {
    ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
    Path mine = fill(store.newStagingDirectory("r1", "s"), "x");
    Path theirs = fill(store.newStagingDirectory("r2", "s"), "x");
    store.cleanStaging("r1");
    assertFalse(Files.exists(mine));
    assertTrue(Files.exists(theirs));
  }
}
