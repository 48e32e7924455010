package io.recopipe.components.dataset;

import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * The splits this process has already read and checked, so steps of one run (train, evaluate,
 * export, the gate) share one parse of {@code train.tsv} and {@code eval.tsv} instead of each
 * reading millions of lines again. An entry is used only while the file has the same size,
 * modification time and CRC-32C of its bytes (checksumming a file costs a small part of parsing it,
 * and catches a file damaged or replaced in place) and for the same expectations; entries are
 * softly held, so the memory goes back to the heap whenever it is needed (the next read parses the
 * file again). Ingest offers the splits it wrote (see {@link IngestedDataset#offer}), so the steps
 * after it in the same process parse neither file.
 */
final class ReadSplits {
  /** How many splits are remembered at most (a run reads two or three). */
  static final int CAPACITY = 4;

  private static final Map<Key, Held> READ = new LinkedHashMap<>();

  private ReadSplits() {}

  /**
   * What identifies one read: the file's bytes as they are now (not its path, so a dataset written
   * in a staging directory and renamed into place is still recognized), and what they were checked
   * against.
   */
  private record Key(long size, FileTime modified, long crc, SplitFileReader.Expected expected) {}

  /**
   * A remembered split, softly held (a parse, or what a writer offered, built at most once), and
   * the file it was last seen at (a newer read of that file replaces it).
   */
  private record Held(Path file, SoftReference<Supplier<Ratings>> ratings) {}

  /** Builds the ratings on first use, then holds them (and no longer what they were built from). */
  private static final class Once implements Supplier<Ratings> {
    private Supplier<Ratings> build;
    private Ratings built;

    Once(Supplier<Ratings> build) {
      this.build = build;
    }

    @Override
    public synchronized Ratings get() {
      if (built == null) {
        built = Objects.requireNonNull(build.get());
        build = null;
      }
      return built;
    }
  }

  /** The ratings of {@code file} checked against {@code expected}, parsed at most once. */
  static Ratings read(Path file, SplitFileReader.Expected expected) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Key key = keyOf(absolute, expected);
    Optional<Supplier<Ratings>> known = lookUp(key);
    if (known.isPresent()) {
      try {
        return known.get().get();
      } catch (RuntimeException e) {
        // an offered split that cannot be built: parse the file instead
      }
    }
    Ratings ratings = SplitFileReader.read(file, expected);
    remember(absolute, key, () -> ratings);
    return ratings;
  }

  /**
   * Remembers {@code ratings}, built on first use, as the parse of {@code file} as it is now, for a
   * writer that can build exactly what reading the file checked against {@code expected} gives and
   * that checksummed the bytes it wrote ({@code crc32c}), so the file is not read again here; every
   * later read still checksums the file, so a file changed since is parsed (and checked).
   */
  static void offer(
      Path file, SplitFileReader.Expected expected, long crc32c, Supplier<Ratings> ratings)
      throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
    Key key = new Key(attributes.size(), attributes.lastModifiedTime(), crc32c, expected);
    remember(absolute, key, new Once(ratings));
  }

  private static Key keyOf(Path absolute, SplitFileReader.Expected expected) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.READ)) {
      while (channel.read(buffer.clear()) >= 0) {
        crc.update(buffer.flip());
      }
    }
    return new Key(attributes.size(), attributes.lastModifiedTime(), crc.getValue(), expected);
  }

  private static synchronized Optional<Supplier<Ratings>> lookUp(Key key) {
    Held held = READ.get(key);
    Supplier<Ratings> ratings = held == null ? null : held.ratings().get();
    if (held != null && ratings == null) {
      READ.remove(key);
    }
    return Optional.ofNullable(ratings);
  }

  private static synchronized void remember(Path file, Key key, Supplier<Ratings> ratings) {
    READ.values().removeIf(held -> held.ratings().get() == null || held.file().equals(file));
    READ.put(key, new Held(file, new SoftReference<>(Objects.requireNonNull(ratings))));
    for (Iterator<Key> oldest = READ.keySet().iterator(); READ.size() > CAPACITY; ) {
      oldest.next();
      oldest.remove();
    }
  }
}
