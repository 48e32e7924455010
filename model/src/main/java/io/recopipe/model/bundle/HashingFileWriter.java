package io.recopipe.model.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Writes one new file of a bundle through a buffer, little-endian, hashing the bytes on the way out
 * and syncing them to disk at the end, so that the manifest's size and SHA-256 come for free and a
 * later crash cannot leave the file half on disk under a committed name.
 */
final class HashingFileWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 20;
  private final String name;
  private final FileChannel channel;
  private final MessageDigest digest = Sha256.newDigest();
  private final ByteBuffer buffer =
      ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  private HashingFileWriter(String name, FileChannel channel) {
    this.name = name;
    this.channel = channel;
  }

  /** Creates {@code directory/name}, which must not exist yet. */
  static HashingFileWriter create(Path directory, String name) throws IOException {
    FileChannel channel =
        FileChannel.open(
            directory.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new HashingFileWriter(name, channel);
  }

  /** Appends the remaining bytes of {@code bytes}. */
  HashingFileWriter put(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      room(1);
      int n = Math.min(buffer.remaining(), bytes.remaining());
      buffer.put(bytes.slice(bytes.position(), n));
      bytes.position(bytes.position() + n);
    }
    return this;
  }

  /** Appends {@code bytes}. */
  HashingFileWriter put(byte[] bytes) throws IOException {
    return put(ByteBuffer.wrap(bytes));
  }

  /** Appends a little-endian int32. */
  HashingFileWriter putInt(int value) throws IOException {
    room(Integer.BYTES);
    buffer.putInt(value);
    return this;
  }

  /** Appends {@code values} as little-endian float32, in bulk. */
  HashingFileWriter putFloats(float[] values) throws IOException {
    int done = 0;
    while (done < values.length) {
      room(Float.BYTES);
      int n = Math.min(buffer.remaining() / Float.BYTES, values.length - done);
      buffer.asFloatBuffer().put(values, done, n);
      buffer.position(buffer.position() + n * Float.BYTES);
      done += n;
    }
    return this;
  }

  private void room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      flush();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    digest.update(buffer.array(), 0, buffer.limit());
    while (buffer.hasRemaining()) {
      written += channel.write(buffer);
    }
    buffer.clear();
  }

  /** Flushes, syncs the content to disk and returns the file's manifest entry. */
  BundleFile finish() throws IOException {
    flush();
    channel.force(true);
    return new BundleFile(name, written, Sha256.hex(digest));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
