package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one entry point for reading rating data: a MovieLens directory or official {@code .zip}
 * (release detected from {@code u.data}, {@code ratings.dat} or {@code ratings.csv}; a zip is known
 * by its bytes, whatever its name), a single ratings file (plain or gzip), or a generic delimited
 * file with a column mapping; the ingest step and {@code recopipe train} call this so every path
 * into the pipeline validates data the same way. Bad rows fail the read unless a {@link
 * BadRowPolicy} allows skipping some.
 */
public final class DatasetReader {
  private DatasetReader() {}

  /**
   * Reads {@code path}, detecting the format.
   *
   * @throws DataFormatException when the path is missing, unrecognised or holds a bad line
   * @throws IOException when the file system fails
   */
  public static Dataset read(Path path) throws IOException {
    return read(path, BadRowPolicy.STRICT);
  }

  /**
   * Reads {@code path}, detecting the format, skipping bad rows as {@code policy} allows.
   *
   * @throws DataFormatException when the path is missing, unrecognised or has too many bad rows
   * @throws IOException when the file system fails
   */
  public static Dataset read(Path path, BadRowPolicy policy) throws IOException {
    requireExists(path, "a data set directory, a .zip or a ratings file");
    if (Files.isDirectory(path)) {
      try (DataRoot root = new DirectoryRoot(path)) {
        return readRoot(root, policy.start());
      }
    }
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
        || FileMagic.isZip(path)) {
      try (DataRoot root = new ZipRoot(path)) {
        return readRoot(root, policy.start());
      }
    }
    return SingleFileReader.read(path, policy.start());
  }

  /**
   * Reads a generic delimited file with explicit options (delimiter, header, column mapping).
   *
   * @throws DataFormatException when the file is missing or holds a bad line
   * @throws IOException when the file system fails
   */
  public static Dataset read(Path file, DelimitedOptions options) throws IOException {
    return read(file, options, BadRowPolicy.STRICT);
  }

  /**
   * Reads a generic delimited file with explicit options, skipping bad rows as {@code policy}
   * allows.
   *
   * @throws DataFormatException when the file is missing or has too many bad rows
   * @throws IOException when the file system fails
   */
  public static Dataset read(Path file, DelimitedOptions options, BadRowPolicy policy)
      throws IOException {
    requireExists(file, "a delimited ratings file");
    if (Files.isDirectory(file)) {
      throw new DataFormatException(
          file.toString(), "expected a delimited ratings file, found a directory");
    }
    return DelimitedReader.read(new FileTextSource(file), options, policy.start());
  }

  /** Returns which MovieLens release a directory or zip holds, from the files present. */
  public static DatasetFormat detect(Path path) throws IOException {
    requireExists(path, "a data set directory or a .zip");
    try (DataRoot root = Files.isDirectory(path) ? new DirectoryRoot(path) : new ZipRoot(path)) {
      return detect(root);
    }
  }

  private static DatasetFormat detect(DataRoot root) {
    if (root.find("u.data").isPresent()) {
      return DatasetFormat.MOVIELENS_100K;
    } else if (root.find("ratings.dat").isPresent()) {
      return DatasetFormat.MOVIELENS_DAT;
    } else if (root.find("ratings.csv").isPresent()) {
      return DatasetFormat.MOVIELENS_CSV;
    }
    throw new DataFormatException(
        root.name(),
        "expected u.data, ratings.dat or ratings.csv, found "
            + (root.fileNames().isEmpty() ? "no files" : String.join(", ", root.fileNames())));
  }

  private static Dataset readRoot(DataRoot root, BadRows badRows) throws IOException {
    switch (detect(root)) {
      case MOVIELENS_100K:
        return MovieLens100kReader.read(root, badRows);
      case MOVIELENS_DAT:
        return MovieLensDatReader.read(root, badRows);
      default:
        return MovieLensCsvReader.read(root, badRows);
    }
  }

  private static void requireExists(Path path, String expected) {
    if (!Files.exists(path)) {
      throw new DataFormatException(
          path.toString(), "expected " + expected + ", found nothing at that path");
    }
  }
}
