package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one ratings file given on its own (a split such as {@code u1.base}, a {@code ratings.dat},
 * a {@code ratings.csv}, any delimited export, each optionally gzip-compressed), choosing the
 * layout from the file name and then from its first line: MovieLens files ({@code u.data} and the
 * 100K splits, {@code *.dat} or {@code ::}-separated, {@code ratings.csv} with the release's
 * header) keep their declared scales; anything else is a generic delimited file with any finite
 * rating, columns detected from its header.
 */
final class SingleFileReader {
  private static final char[] LIKELY_DELIMITERS = {'\t', ',', ';', '|'};

  private SingleFileReader() {}

  static Dataset read(Path file, BadRows badRows) throws IOException {
    TextSource source = new FileTextSource(file);
    String name = withoutGz(source.fileName());
    String first = firstLine(source);
    if (MovieLensLayouts.isHundredKRatingsFile(name)) {
      RatingsReadResult result = MovieLens100kReader.readRatings(source, badRows);
      return ratingsOnly(DatasetFormat.MOVIELENS_100K, file, result);
    }
    if (name.endsWith(".dat") || first.contains("::")) {
      Path parent = file.toAbsolutePath().getParent();
      boolean hasUsers = parent != null && Files.isRegularFile(parent.resolve("users.dat"));
      RatingsReadResult result =
          MovieLensDatReader.readRatings(source, MovieLensDatReader.scaleFor(hasUsers), badRows);
      return ratingsOnly(DatasetFormat.MOVIELENS_DAT, file, result);
    }
    if (name.equals("ratings.csv") && first.strip().equals(MovieLensLayouts.RATINGS_CSV_HEADER)) {
      RatingsReadResult result = MovieLensCsvReader.readRatings(source, badRows);
      return ratingsOnly(DatasetFormat.MOVIELENS_CSV, file, result);
    }
    return DelimitedReader.read(source, guessOptions(first), badRows);
  }

  private static String withoutGz(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
  }

  private static Dataset ratingsOnly(DatasetFormat format, Path file, RatingsReadResult result) {
    ReaderReport report = ReaderReport.of(format, file.toString(), result);
    return new Dataset(result.ratings(), null, null, report, ReadNotes.of(result));
  }

  /** The first non-empty line, or "" for an empty file. */
  static String firstLine(TextSource source) throws IOException {
    try (LineCursor cursor = LineCursor.open(source, StandardCharsets.UTF_8)) {
      String line = cursor.next();
      while (line != null && line.isEmpty()) {
        line = cursor.next();
      }
      return line == null ? "" : line;
    }
  }

  /**
   * Picks the delimiter seen in line 1, and a header when its third field is not a number or any
   * field is a common column name; without a header, a fourth field is the timestamp.
   */
  static DelimitedOptions guessOptions(String first) {
    char delimiter = ',';
    for (char candidate : LIKELY_DELIMITERS) {
      if (first.indexOf(candidate) >= 0) {
        delimiter = candidate;
        break;
      }
    }
    Fields fields = new Fields();
    int count = new FieldSplitter(String.valueOf(delimiter)).split(first, fields);
    boolean header =
        count >= 3
            && Float.isNaN(Numbers.parseFloat(fields.text(), fields.start(2), fields.end(2)));
    for (int n = 0; n < count && !header; n++) {
      header = ColumnRole.of(fields.trimmed(n).replace("\"", "")) != null;
    }
    DelimitedOptions options = DelimitedOptions.delimitedBy(delimiter).withHeader(header);
    return !header && count >= 4 ? options.withTimestampColumn(ColumnRef.at(3)) : options;
  }
}
