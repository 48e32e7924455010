package io.recopipe.model.bundle;

import io.recopipe.model.bundle.BinaryHeader.Kind;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Path;

/**
 * The optional rated-items file ({@code rated_items.i32}): a {@link BinaryHeader} (kind CSR32,
 * width = item count, count = user count), then {@code count + 1} little-endian int32 row offsets
 * and the item indexes, each row ascending, so that a server can leave out what a user already
 * rated without the training data.
 */
final class RatedItemsFile {

  private RatedItemsFile() {}

  /** Writes {@code rated} for a model with {@code users} users and {@code items} items. */
  static BundleFile write(Path directory, String name, RatedItems rated, int users, int items)
      throws IOException {
    if (rated.userCount() > users) {
      throw new IllegalArgumentException(
          "rated items cover " + rated.userCount() + " users, the model has " + users);
    }
    long pairs = rated.pairCount();
    if (pairs > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many rated items to store: " + pairs);
    }
    try (HashingFileWriter out = HashingFileWriter.create(directory, name)) {
      out.put(new BinaryHeader(Kind.CSR32, items, users).encode());
      int offset = 0;
      out.putInt(0);
      for (int u = 0; u < users; u++) {
        offset += rated.itemsOf(u).length;
        out.putInt(offset);
      }
      for (int u = 0; u < users; u++) {
        for (int item : rated.itemsOf(u)) {
          if (item < 0 || item >= items) {
            throw new IllegalArgumentException(
                "user " + u + " rated item index " + item + ", the model has " + items + " items");
          }
          out.putInt(item);
        }
      }
      return out.finish();
    }
  }

  /** Reads and checks the file of {@code entry} against the model's dimensions. */
  static RatedItems read(Path bundle, BundleFile entry, int users, int items, boolean verify)
      throws IOException {
    String name = entry.name();
    ByteBuffer content = VerifiedBytes.read(bundle, entry, verify, "a rated-items file");
    BinaryHeader header = BinaryHeader.decode(bundle, name, content, Kind.CSR32);
    if (header.count() != users || header.width() != items) {
      throw new BundleFormatException(
          bundle,
          name,
          name
              + " header says "
              + header.count()
              + " users × "
              + header.width()
              + " items, manifest says "
              + users
              + " × "
              + items);
    }
    int length = content.capacity();
    long intsLeft = (length - BinaryHeader.BYTES) / Integer.BYTES;
    if ((length - BinaryHeader.BYTES) % Integer.BYTES != 0 || intsLeft < users + 1L) {
      throw new BundleFormatException(
          bundle,
          name,
          name
              + " is "
              + length
              + " bytes, too short or misaligned for "
              + users
              + " users (truncated?)");
    }
    IntBuffer ints =
        content.position(BinaryHeader.BYTES).slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    int[] offsets = new int[users + 1];
    ints.get(offsets);
    int[] indexes = new int[(int) (intsLeft - offsets.length)];
    ints.get(indexes);
    try {
      return RatedItems.fromCsr(offsets, indexes, items);
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(bundle, name, name + ": " + e.getMessage(), e);
    }
  }
}
