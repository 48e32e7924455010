package io.recopipe.model.bundle;

import io.recopipe.model.bundle.BinaryHeader.Kind;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.error.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An id dictionary file ({@code .ids}): a {@link BinaryHeader} then, per id in index order, its
 * UTF-8 byte length as a little-endian int32 and the bytes. Length prefixes, unlike lines, let ids
 * hold any character (newlines, tabs, NUL, emoji) with nothing to escape.
 */
final class IdListFile {

  private IdListFile() {}

  /**
   * Writes the ids of {@code dictionary}.
   *
   * @throws IllegalArgumentException when an id holds an unpaired surrogate, which UTF-8 cannot
   *     carry and which would otherwise come back as '?'
   */
  static BundleFile write(Path directory, String name, IdDictionary dictionary) throws IOException {
    try (HashingFileWriter out = HashingFileWriter.create(directory, name)) {
      out.put(new BinaryHeader(Kind.IDS, 0, dictionary.size()).encode());
      List<String> ids = dictionary.ids();
      for (int index = 0; index < ids.size(); index++) {
        String id = ids.get(index);
        if (hasUnpairedSurrogate(id)) {
          throw new InvalidInputException(
              name
                  + ": id #"
                  + index
                  + " holds an unpaired UTF-16 surrogate and cannot be stored as UTF-8");
        }
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
      }
      return out.finish();
    }
  }

  private static boolean hasUnpairedSurrogate(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < id.length()
          && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the file of {@code entry}, whose size the caller has checked against the manifest; checks
   * the id count against {@code expectedCount} ({@code countSource} names where it came from) and,
   * when {@code verify}, the SHA-256.
   */
  static IdDictionary read(
      Path bundle, BundleFile entry, long expectedCount, String countSource, boolean verify)
      throws IOException {
    String name = entry.name();
    ByteBuffer content = VerifiedBytes.read(bundle, entry, verify, "an id list");
    BinaryHeader header = BinaryHeader.decode(bundle, name, content, Kind.IDS);
    if (header.count() != expectedCount) {
      throw new BundleFormatException(
          bundle,
          name,
          name
              + " header says "
              + header.count()
              + " ids, manifest says "
              + expectedCount
              + " ("
              + countSource
              + ")");
    }
    content.position(BinaryHeader.BYTES);
    List<String> ids = new ArrayList<>((int) Math.min(expectedCount, 1 << 24));
    for (long n = 0; n < expectedCount; n++) {
      ids.add(readId(bundle, name, content, n));
    }
    if (content.hasRemaining()) {
      throw new BundleFormatException(
          bundle, name, name + " has " + content.remaining() + " bytes after its last id");
    }
    try {
      return IdDictionary.of(ids);
    } catch (IllegalArgumentException e) {
      throw new BundleFormatException(bundle, name, name + ": " + e.getMessage(), e);
    }
  }

  private static String readId(Path bundle, String name, ByteBuffer content, long index)
      throws BundleFormatException {
    if (content.remaining() < Integer.BYTES) {
      throw truncated(bundle, name, index);
    }
    int length = content.getInt();
    if (length < 0 || length > content.remaining()) {
      throw length < 0
          ? new BundleFormatException(
              bundle, name, name + ": id #" + index + " has negative length " + length)
          : truncated(bundle, name, index);
    }
    int start = content.position();
    String id = new String(content.array(), start, length, StandardCharsets.UTF_8);
    content.position(start + length);
    if (id.indexOf('\ufffd') >= 0) {
      // either a genuine U+FFFD or malformed UTF-8 that was replaced: decode strictly to tell
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(content.array(), start, length));
      } catch (CharacterCodingException e) {
        throw new BundleFormatException(
            bundle, name, name + ": id #" + index + " is not valid UTF-8", e);
      }
    }
    return id;
  }

  private static BundleFormatException truncated(Path bundle, String name, long index) {
    return new BundleFormatException(
        bundle, name, name + " ends inside id #" + index + " (truncated?)");
  }
}
