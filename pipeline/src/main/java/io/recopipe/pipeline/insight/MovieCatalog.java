package io.recopipe.pipeline.insight;

import io.recopipe.components.api.DatasetLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Titles by item id from a dataset's {@code movies.tsv} ({@code item title genres}), so sample
 * recommendations read as films; an item without a title (or a dataset without the file) shows
 * its id.
 */
final class MovieCatalog {
  private final Map<String, String> titles;

  private MovieCatalog(Map<String, String> titles) {
    this.titles = titles;
  }

  /** Reads {@code movies.tsv} of dataset {@code dir}; empty when there is none. */
  static MovieCatalog read(Path dir) throws IOException {
    Path file = DatasetLayout.file(dir, DatasetLayout.MOVIES);
    Map<String, String> titles = new HashMap<>();
    if (Files.isRegularFile(file)) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] fields = line.split("\t", -1);
          if (fields.length >= 2 && !fields[1].isBlank()) {
            titles.put(fields[0], fields[1]);
          }
        }
      }
    }
    return new MovieCatalog(titles);
  }

  /** The title of {@code item}, or the id when unknown. */
  String title(String item) {
    return titles.getOrDefault(item, item);
  }
}
