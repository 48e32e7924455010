package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.bundle.BundleWriter.IfExists;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatedItemsBundleTest {
  @TempDir Path temp;

  private static final int[] OFFSETS = {0, 2, 2, 5, 6};
  private static final int[] ITEMS = {1, 4, 0, 2, 8, 3};

  private Path writeWithRated() throws IOException {
    MfModel model = TestBundles.randomModel(6, 9, 4, 1);
    Path target = temp.resolve("m");
    BundleWriter.write(
        target,
        model,
        TestBundles.manifest(4),
        RatedItems.fromCsr(OFFSETS, ITEMS, 9),
        IfExists.FAIL);
    return target;
  }

  @Test
  void roundTripsRatedItemsAndListsTheFile() throws IOException {
    Path target = writeWithRated();
    ModelBundle read = ModelBundle.load(target);
    RatedItems rated = read.ratedItems().orElseThrow();
    assertEquals(6, rated.userCount());
    assertArrayEquals(new int[] {1, 4}, rated.itemsOf(0));
    assertArrayEquals(new int[0], rated.itemsOf(1));
    assertArrayEquals(new int[] {0, 2, 8}, rated.itemsOf(2));
    assertArrayEquals(new int[] {3}, rated.itemsOf(3));
    assertArrayEquals(new int[0], rated.itemsOf(5));
    assertTrue(read.files().stream().anyMatch(f -> f.name().equals("rated_items.i32")));
    assertEquals(ModelBundle.FORMAT_VERSION, read.formatVersion());
    assertEquals(6, BundleReader.read(target, false).ratedItems().orElseThrow().userCount());
  }

  @Test
  void bundlesWithoutTheFileStillLoad() throws IOException {
    Path target = TestBundles.writeSmall(temp, "plain");
    assertTrue(ModelBundle.load(target).ratedItems().isEmpty());
  }

  @Test
  void aFlippedBitFailsTheChecksum() throws IOException {
    Path target = writeWithRated();
    Path file = target.resolve("rated_items.i32");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);
    BundleFormatException e =
        assertThrows(BundleFormatException.class, () -> ModelBundle.load(target));
    assertEquals("rated_items.i32", e.file());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void truncationIsRefused() throws IOException {
    Path target = writeWithRated();
    Path file = target.resolve("rated_items.i32");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
    assertThrows(BundleFormatException.class, () -> ModelBundle.load(target));
    TestBundles.refreshEntry(target, "rated_items.i32");
    BundleFormatException e =
        assertThrows(BundleFormatException.class, () -> ModelBundle.load(target));
    assertTrue(e.getMessage().contains("rated_items.i32"), e.getMessage());
  }

  @Test
  void anOutOfRangeItemIndexIsRefusedEvenWithAMatchingDigest() throws IOException {
    Path target = writeWithRated();
    Path file = target.resolve("rated_items.i32");
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, 99);
    Files.write(file, bytes);
    TestBundles.refreshEntry(target, "rated_items.i32");
    BundleFormatException e =
        assertThrows(BundleFormatException.class, () -> ModelBundle.load(target));
    assertTrue(e.getMessage().contains("item index 99"), e.getMessage());
  }

  @Test
  void aMissingListedFileIsRefused() throws IOException {
    Path target = writeWithRated();
    Files.delete(target.resolve("rated_items.i32"));
    assertThrows(BundleFormatException.class, () -> ModelBundle.load(target));
  }

  @Test
  void fromCsrRejectsBadArrays() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RatedItems.fromCsr(new int[] {1, 2}, new int[] {0}, 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> RatedItems.fromCsr(new int[] {0, 2}, new int[] {2, 1}, 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> RatedItems.fromCsr(new int[] {0, 1}, new int[] {3}, 3));
  }
}
