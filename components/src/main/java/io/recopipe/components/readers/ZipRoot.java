package io.recopipe.components.readers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@link DataRoot} over an official MovieLens {@code .zip} (entries under a top folder such as
 * {@code ml-1m/}), read in place with {@link ZipFile} so nothing is extracted to disk.
 */
final class ZipRoot implements DataRoot {
  private final Path archive;
  private final ZipFile zip;
  private final Map<String, ZipEntry> entryByFileName = new HashMap<>();

  ZipRoot(Path archive) throws IOException {
    this.archive = archive;
    try {
      this.zip = new ZipFile(archive.toFile());
    } catch (java.util.zip.ZipException e) {
      throw new DataFormatException(
          archive.toString(),
          "expected a zip archive, found a file that is not one (" + e.getMessage() + ")");
    }
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      if (entry.isDirectory()) {
        continue;
      }
      String fileName = baseName(entry.getName());
      ZipEntry known = entryByFileName.get(fileName);
      if (known == null || depth(entry.getName()) < depth(known.getName())) {
        entryByFileName.put(fileName, entry);
      }
    }
  }

  private static String baseName(String entryName) {
    return entryName.substring(entryName.lastIndexOf('/') + 1);
  }

  private static int depth(String entryName) {
    int depth = 0;
    for (int n = 0; n < entryName.length(); n++) {
      depth += entryName.charAt(n) == '/' ? 1 : 0;
    }
    return depth;
  }

  @Override
  public String name() {
    return archive.toString();
  }

  @Override
  public Optional<TextSource> find(String fileName) {
    ZipEntry entry = entryByFileName.get(fileName);
    return entry == null ? Optional.empty() : Optional.of(new EntrySource(entry));
  }

  @Override
  public List<String> fileNames() {
    List<String> names = new ArrayList<>(entryByFileName.keySet());
    names.sort(null);
    return names;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** One entry of the archive. */
  private final class EntrySource implements TextSource {
    private final ZipEntry entry;

    EntrySource(ZipEntry entry) {
      this.entry = entry;
    }

    @Override
    public String name() {
      return archive + "!/" + entry.getName();
    }

    @Override
    public String fileName() {
      return baseName(entry.getName());
    }

    @Override
    public InputStream open() throws IOException {
      return zip.getInputStream(entry);
    }

    @Override
    public long sizeHint() {
      return entry.getSize();
    }
  }
}
