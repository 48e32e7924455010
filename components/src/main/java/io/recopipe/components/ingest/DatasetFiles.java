package io.recopipe.components.ingest;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.DatasetSchema;
import io.recopipe.components.readers.Catalog;
import io.recopipe.components.readers.Movie;
import io.recopipe.components.readers.User;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes the files of a {@link DatasetLayout} directory: ratings and both splits in sorted order,
 * their {@code schema.json}, and the catalogs sorted by id, so the bytes depend only on the data;
 * tabs and line breaks inside titles or zip codes become spaces so every line keeps its columns.
 */
final class DatasetFiles {
  private DatasetFiles() {}

  /**
   * Writes all ratings, train and eval in one pass, each line formatted once; returns the CRC-32C
   * of the bytes written to train and eval (by file name), so handing the splits to later steps
   * need not read the files back to checksum them.
   */
  static Map<String, Long> writeRatings(Path dir, Ratings sorted, boolean[] isEval)
      throws IOException {
    CRC32C trainCrc = new CRC32C();
    CRC32C evalCrc = new CRC32C();
    AtomicFiles.write(
        dir.resolve(DatasetLayout.RATINGS),
        all ->
            AtomicFiles.write(
                dir.resolve(DatasetLayout.TRAIN),
                train ->
                    AtomicFiles.write(
                        dir.resolve(DatasetLayout.EVAL),
                        eval ->
                            TsvRatingsWriter.writeSplit(
                                sorted,
                                isEval,
                                all,
                                new CheckedOutputStream(train, trainCrc),
                                new CheckedOutputStream(eval, evalCrc)))));
    return Map.of(DatasetLayout.TRAIN, trainCrc.getValue(), DatasetLayout.EVAL, evalCrc.getValue());
  }

  static void writeSchema(Path dir, DatasetSchema schema) throws IOException {
    byte[] json = (Json.pretty(schema.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(DatasetLayout.SCHEMA), out -> out.write(json));
  }

  /** Writes the profile later steps copy into model bundles ({@link DataProfile#FILE}). */
  static void writeProfile(Path dir, DataProfile profile) throws IOException {
    byte[] json = (Json.pretty(profile.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(DataProfile.FILE), out -> out.write(json));
  }

  static void writeMovies(Path dir, Catalog<Movie> movies) throws IOException {
    writeLines(
        dir.resolve(DatasetLayout.MOVIES),
        movies.entries(),
        Movie::id,
        movie -> new String[] {movie.id(), movie.title(), String.join("|", movie.genres())});
  }

  static void writeUsers(Path dir, Catalog<User> users) throws IOException {
    writeLines(
        dir.resolve(DatasetLayout.USERS),
        users.entries(),
        User::id,
        user ->
            new String[] {
              user.id(),
              user.gender(),
              Integer.toString(user.age()),
              user.occupation(),
              user.zipCode()
            });
  }

  private static <T> void writeLines(
      Path file, List<T> entries, Function<T, String> id, Function<T, String[]> fields)
      throws IOException {
    List<T> sorted = new ArrayList<>(entries);
    Comparator<String> order = IdOrder.forIds(sorted.stream().map(id).toList());
    sorted.sort(Comparator.comparing(id, order));
    AtomicFiles.write(
        file,
        out -> {
          for (T entry : sorted) {
            writeLine(out, fields.apply(entry));
          }
        });
  }

  private static void writeLine(OutputStream out, String[] fields) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int n = 0; n < fields.length; n++) {
      if (n > 0) {
        line.append('\t');
      }
      line.append(clean(fields[n]));
    }
    out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String clean(String text) {
    return text == null ? "" : text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}
