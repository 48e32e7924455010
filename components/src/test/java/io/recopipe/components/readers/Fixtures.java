package io.recopipe.components.readers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small fixture files and zips for reader tests (never real MovieLens data). */
final class Fixtures {
  private Fixtures() {}

  static Path write(Path file, String content, Charset charset) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, content.getBytes(charset));
    return file;
  }

  static Path utf8(Path file, String content) throws IOException {
    return write(file, content, StandardCharsets.UTF_8);
  }

  static Path latin1(Path file, String content) throws IOException {
    return write(file, content, StandardCharsets.ISO_8859_1);
  }

  /**
   * Zips every regular file of {@code directory} under {@code topFolder/} (like the official zips).
   */
  static Path zip(Path directory, String topFolder, Path zipFile) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (var files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(file)) {
          entries.put(topFolder + "/" + file.getFileName(), Files.readAllBytes(file));
        }
      }
    }
    try (OutputStream out = Files.newOutputStream(zipFile);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(topFolder + "/"));
      zip.closeEntry();
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return zipFile;
  }

  /** The ratings of {@code dataset} as "user item rating timestamp" lines in row order. */
  static String rows(Dataset dataset) {
    StringBuilder text = new StringBuilder();
    var ratings = dataset.ratings();
    for (int n = 0; n < ratings.size(); n++) {
      text.append(ratings.users().id(ratings.user(n)))
          .append(' ')
          .append(ratings.items().id(ratings.item(n)))
          .append(' ')
          .append(ratings.rating(n))
          .append(' ')
          .append(ratings.timestamp(n))
          .append('\n');
    }
    return text.toString();
  }
}
