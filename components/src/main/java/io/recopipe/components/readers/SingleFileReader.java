package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one ratings file given on its own (a split such as {@code u1.base}, a {@code ratings.dat},
 * a {@code ratings.csv}, or the {@code ratings.tsv} that {@code recopipe data generate} writes),
 * choosing the layout from the file name and then from its first line.
 */
final class SingleFileReader {
  private static final char[] LIKELY_DELIMITERS = {'\t', ',', ';', '|'};

  private SingleFileReader() {
  }

  static Dataset read(Path file) throws IOException {
    TextSource source = new FileTextSource(file);
    String name = source.fileName();
    String first = firstLine(source);
    if (MovieLensLayouts.isHundredKRatingsFile(name) || looksLikeUData(first)) {
      RatingsReadResult result = MovieLens100kReader.readRatings(source);
      return ratingsOnly(DatasetFormat.MOVIELENS_100K, file, result);
    }
    if (name.endsWith(".dat") || first.contains("::")) {
      Path parent = file.toAbsolutePath().getParent();
      boolean hasUsers = parent != null && Files.isRegularFile(parent.resolve("users.dat"));
      RatingsReadResult result =
          MovieLensDatReader.readRatings(source, MovieLensDatReader.scaleFor(hasUsers));
      return ratingsOnly(DatasetFormat.MOVIELENS_DAT, file, result);
    }
    if (first.strip().equals(MovieLensLayouts.RATINGS_CSV_HEADER)) {
      RatingsReadResult result = MovieLensCsvReader.readRatings(source);
      return ratingsOnly(DatasetFormat.MOVIELENS_CSV, file, result);
    }
    return DelimitedReader.read(source, guessOptions(first));
  }

  private static Dataset ratingsOnly(DatasetFormat format, Path file, RatingsReadResult result) {
    ReaderReport report = ReaderReport.of(format, file.toString(), result);
    return new Dataset(result.ratings(), null, null, report);
  }

  private static String firstLine(TextSource source) throws IOException {
    try (LineCursor cursor = LineCursor.open(source, StandardCharsets.UTF_8)) {
      String line = cursor.next();
      while (line != null && line.isEmpty()) {
        line = cursor.next();
      }
      return line == null ? "" : line;
    }
  }

  /** Four tab-separated numbers: the u.data layout (also what {@code data generate} writes). */
  static boolean looksLikeUData(String line) {
    Fields fields = new Fields();
    if (new FieldSplitter("\t").split(line, fields) != 4) {
      return false;
    }
    for (int n = 0; n < 4; n++) {
      if (Float.isNaN(Numbers.parseFloat(fields.text(), fields.start(n), fields.end(n)))) {
        return false;
      }
    }
    return true;
  }

  /** Picks the delimiter seen in line 1, and a header when its third field is not a number. */
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
    boolean header = count >= 3
        && Float.isNaN(Numbers.parseFloat(fields.text(), fields.start(2), fields.end(2)));
    DelimitedOptions options = DelimitedOptions.delimitedBy(delimiter).withHeader(header);
    if (header) {
      for (int n = 0; n < count; n++) {
        if (fields.trimmed(n).equalsIgnoreCase("timestamp")) {
          options = options.withTimestampColumn(ColumnRef.named(fields.trimmed(n)));
        }
      }
    } else if (count >= 4) {
      options = options.withTimestampColumn(ColumnRef.at(3));
    }
    return options;
  }
}
