package io.recopipe.components.dataset;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Titles and genres by item id from a dataset's {@code movies.tsv}, so recommendations read as
 * films rather than numbers; empty when the source had no movie catalog. The one reader of that
 * file: the export step, the hybrid step and the review page all use it.
 */
public final class MovieTitles {
  /**
   * One catalog line.
   *
   * @param title the title
   * @param genres the genres, {@code |}-separated as in the file
   */
  public record Entry(String title, String genres) {}

  private final Map<String, Entry> byItem;

  private MovieTitles(Map<String, Entry> byItem) {
    this.byItem = byItem;
  }

  /** Reads {@code movies.tsv} of {@code dataset}, or nothing when the file is absent. */
  public static MovieTitles read(String step, Path dataset) throws ComponentException {
    Path file = dataset.resolve(DatasetLayout.MOVIES);
    Map<String, Entry> byItem = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return new MovieTitles(byItem);
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length < 2) {
          throw new ComponentException(
              step
                  + ": "
                  + file
                  + " line "
                  + number
                  + ": expected item, title and genres separated by tabs");
        }
        String genres = fields.length > 2 && !fields[2].isEmpty() ? fields[2] : null;
        byItem.put(fields[0], new Entry(fields[1], genres));
      }
    } catch (IOException e) {
      throw new ComponentException(step + ": cannot read " + file + ": " + e.getMessage(), e);
    }
    return new MovieTitles(byItem);
  }

  /** The entry of {@code item}, or null when unknown. */
  public Entry get(String item) {
    return byItem.get(item);
  }

  /** The title of {@code item}, or the id itself when the catalog has none. */
  public String titleOr(String item) {
    Entry entry = byItem.get(item);
    return entry == null || entry.title().isBlank() ? item : entry.title();
  }

  /** Every entry by item id. */
  public Map<String, Entry> entries() {
    return java.util.Collections.unmodifiableMap(byItem);
  }

  /** How many movies the catalog holds. */
  public int size() {
    return byItem.size();
  }
}
