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
import java.util.zip.CRC32C;

/**
 * The splits this process has already read and checked, so steps of one run (train, evaluate,
 * export, the gate) share one parse of {@code train.tsv} and {@code eval.tsv} instead of each
 * reading millions of lines again. An entry is used only while the file has the same size,
 * modification time and CRC-32C of its bytes (checksumming a file costs a small part of parsing it,
 * and catches a file damaged or replaced in place) and for the same expectations; entries are
 * softly held, so the memory goes back to the heap whenever it is needed (the next read parses the
 * file again).
 */
final class ReadSplits {
  /** How many splits are remembered at most (a run reads two or three). */
  static final int CAPACITY = 4;

  private static final Map<Key, SoftReference<Ratings>> READ = new LinkedHashMap<>();

  private ReadSplits() {}

  /** What identifies one read: the file as it is now, and what it was checked against. */
  private record Key(
      Path file, long size, FileTime modified, long crc, SplitFileReader.Expected expected) {}

  /** The ratings of {@code file} checked against {@code expected}, parsed at most once. */
  static Ratings read(Path file, SplitFileReader.Expected expected) throws IOException {
    Key key = keyOf(file, expected);
    Optional<Ratings> known = lookUp(key);
    if (known.isPresent()) {
      return known.get();
    }
    Ratings ratings = SplitFileReader.read(file, expected);
    remember(key, ratings);
    return ratings;
  }

  private static Key keyOf(Path file, SplitFileReader.Expected expected) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.READ)) {
      while (channel.read(buffer.clear()) >= 0) {
        crc.update(buffer.flip());
      }
    }
    return new Key(
        absolute, attributes.size(), attributes.lastModifiedTime(), crc.getValue(), expected);
  }

  private static synchronized Optional<Ratings> lookUp(Key key) {
    SoftReference<Ratings> held = READ.get(key);
    Ratings ratings = held == null ? null : held.get();
    if (held != null && ratings == null) {
      READ.remove(key);
    }
    return Optional.ofNullable(ratings);
  }

  private static synchronized void remember(Key key, Ratings ratings) {
    READ.values().removeIf(held -> held.get() == null);
    READ.keySet().removeIf(known -> known.file().equals(key.file()));
    READ.put(key, new SoftReference<>(Objects.requireNonNull(ratings)));
    for (Iterator<Key> oldest = READ.keySet().iterator(); READ.size() > CAPACITY; ) {
      oldest.next();
      oldest.remove();
    }
  }
}
