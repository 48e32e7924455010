package io.recopipe.pipeline.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a release directory the way GroupLens ships it ({@code ml-1m.zip} holding {@code
 * ml-1m/ratings.dat} …, a folder entry first), so the zip case reads the same bytes as the
 * directory case and differs only in the container.
 */
final class ReleaseArchive {
  private ReleaseArchive() {}

  /** Zips the files of {@code dir} under {@code topFolder}/ into {@code zip}. */
  static Path zip(Path dir, String topFolder, Path zip) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream archive = new ZipOutputStream(out)) {
      archive.putNextEntry(new ZipEntry(topFolder + "/"));
      archive.closeEntry();
      for (Path file : files) {
        archive.putNextEntry(new ZipEntry(topFolder + "/" + file.getFileName()));
        Files.copy(file, archive);
        archive.closeEntry();
      }
    }
    return zip;
  }
}
