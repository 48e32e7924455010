package io.recopipe.model.bundle;

import io.recopipe.model.bundle.BinaryHeader.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A {@code rows × width} float32 matrix file ({@code .f32}): a {@link BinaryHeader} then the values
 * row-major, little-endian, exactly as {@code MfModel} holds them, so that loading is one
 * memory-mapped bulk copy per region rather than a parse.
 */
final class FloatArrayFile {
  /** Largest mapping made at once (a MappedByteBuffer is indexed by int). */
  private static final int REGION_BYTES = 1 << 30;

  /** Hash-then-copy granule, small enough that the copy finds the bytes still in cache. */
  private static final int SLICE_BYTES = 1 << 18;

  private FloatArrayFile() {}

  /** Writes {@code values} as a {@code rows × width} matrix named {@code name}. */
  static BundleFile write(Path directory, String name, float[] values, long rows, int width)
      throws IOException {
    if (values.length != rows * width) {
      throw new IllegalArgumentException(
          name + ": " + values.length + " values is not " + rows + " × " + width);
    }
    try (HashingFileWriter out = HashingFileWriter.create(directory, name)) {
      out.put(new BinaryHeader(Kind.FLOAT32, width, rows).encode());
      out.putFloats(values);
      return out.finish();
    }
  }

  /**
   * Reads the file of {@code entry}, whose size the caller has checked against the manifest; checks
   * the header against {@code rows × width} and, when {@code verify}, the SHA-256.
   *
   * @param dimsSource where {@code rows × width} came from, for messages, e.g. {@code "num_users ×
   *     num_factors"}
   */
  static float[] read(
      Path bundle, BundleFile entry, long rows, int width, String dimsSource, boolean verify)
      throws IOException {
    String name = entry.name();
    try (FileChannel channel = FileChannel.open(bundle.resolve(name), StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer headerBytes = ByteBuffer.allocate((int) Math.min(size, BinaryHeader.BYTES));
      while (headerBytes.hasRemaining() && channel.read(headerBytes) >= 0) {
        // read the whole header
      }
      BinaryHeader header = BinaryHeader.decode(bundle, name, headerBytes.flip(), Kind.FLOAT32);
      if (header.count() != rows || header.width() != width) {
        throw new BundleFormatException(
            bundle,
            name,
            name
                + " header says "
                + header.count()
                + " × "
                + header.width()
                + ", manifest says "
                + rows
                + " × "
                + width
                + " ("
                + dimsSource
                + ")");
      }
      long dataBytes = rows * width * Float.BYTES;
      if (size != BinaryHeader.BYTES + dataBytes) {
        throw new BundleFormatException(
            bundle,
            name,
            name
                + " is "
                + size
                + " bytes, its "
                + rows
                + " × "
                + width
                + " header needs "
                + (BinaryHeader.BYTES + dataBytes));
      }
      if (rows * width > Integer.MAX_VALUE - 8) {
        throw new BundleFormatException(
            bundle, name, name + " holds " + rows * width + " floats, more than a Java array can");
      }
      MessageDigest digest = verify ? Sha256.newDigest() : null;
      if (digest != null) {
        Sha256.update(digest, headerBytes);
      }
      float[] values = new float[(int) (rows * width)];
      copyMapped(channel, values, digest);
      if (digest != null) {
        String actual = Sha256.hex(digest);
        if (!actual.equals(entry.sha256())) {
          throw BundleFormatException.checksumMismatch(bundle, entry, actual);
        }
      }
      return values;
    }
  }

  /**
   * Maps the data in regions and bulk-copies it slice by slice; when hashing, each slice is first
   * copied to a small heap scratch and hashed there, so that the float copy that follows finds the
   * bytes still in cache.
   */
  private static void copyMapped(FileChannel channel, float[] values, MessageDigest digest)
      throws IOException {
    byte[] scratch = digest == null ? null : new byte[SLICE_BYTES];
    long offset = BinaryHeader.BYTES;
    int done = 0;
    while (done < values.length) {
      int regionFloats = Math.min(values.length - done, REGION_BYTES / Float.BYTES);
      MappedByteBuffer region =
          channel.map(FileChannel.MapMode.READ_ONLY, offset, (long) regionFloats * Float.BYTES);
      for (int at = 0; at < regionFloats; at += SLICE_BYTES / Float.BYTES) {
        int n = Math.min(SLICE_BYTES / Float.BYTES, regionFloats - at);
        ByteBuffer slice = region.slice(at * Float.BYTES, n * Float.BYTES);
        if (digest != null) {
          slice.get(scratch, 0, n * Float.BYTES).rewind();
          digest.update(scratch, 0, n * Float.BYTES);
        }
        slice.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values, done + at, n);
      }
      done += regionFloats;
      offset += (long) regionFloats * Float.BYTES;
    }
  }
}
