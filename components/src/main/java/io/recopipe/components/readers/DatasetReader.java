package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one entry point for reading rating data: a MovieLens directory or official {@code .zip}
 * (release detected from {@code u.data}, {@code ratings.dat} or {@code ratings.csv}), a single
 * ratings file, or a generic delimited file with a column mapping; the ingest step and
 * {@code recopipe train} call this so every path into the pipeline validates data the same way.
 */
public final class DatasetReader {
  private DatasetReader() {
  }

  /**
   * Reads {@code path}, detecting the format.
   *
   * @throws DataFormatException when the path is missing, unrecognised or holds a bad line
   * @throws IOException when the file system fails
   */
  public static Dataset read(Path path) throws IOException {
    requireExists(path, "a data set directory, a .zip or a ratings file");
    if (Files.isDirectory(path)) {
      try (DataRoot root = new DirectoryRoot(path)) {
        return readRoot(root);
      }
    }
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      try (DataRoot root = new ZipRoot(path)) {
        return readRoot(root);
      }
    }
    return SingleFileReader.read(path);
  }

  /**
   * Reads a generic delimited file with explicit options (delimiter, header, column mapping).
   *
   * @throws DataFormatException when the file is missing or holds a bad line
   * @throws IOException when the file system fails
   */
  public static Dataset read(Path file, DelimitedOptions options) throws IOException {
    requireExists(file, "a delimited ratings file");
    if (Files.isDirectory(file)) {
      throw new DataFormatException(file.toString(),
          "expected a delimited ratings file, found a directory");
    }
    return DelimitedReader.read(new FileTextSource(file), options);
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
    throw new DataFormatException(root.name(), "expected u.data, ratings.dat or ratings.csv, found "
        + (root.fileNames().isEmpty() ? "no files" : String.join(", ", root.fileNames())));
  }

  private static Dataset readRoot(DataRoot root) throws IOException {
    switch (detect(root)) {
      case MOVIELENS_100K:
        return MovieLens100kReader.read(root);
      case MOVIELENS_DAT:
        return MovieLensDatReader.read(root);
      default:
        return MovieLensCsvReader.read(root);
    }
  }

  private static void requireExists(Path path, String expected) {
    if (!Files.exists(path)) {
      throw new DataFormatException(path.toString(),
          "expected " + expected + ", found nothing at that path");
    }
  }
}
