package io.recopipe.components.hybrid;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.MovieTitles;
import io.recopipe.components.readers.Catalog;
import io.recopipe.components.readers.Movie;
import io.recopipe.components.readers.User;
import io.recopipe.model.hybrid.ItemProfile;
import io.recopipe.model.hybrid.Metadata;
import io.recopipe.model.hybrid.UserProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the hybrid's metadata from a DATASET artifact ({@code users.tsv}: user gender age
 * occupation zip; {@code movies.tsv}: item title genres, the year taken from the title) or from
 * reader catalogs, so the pipeline step and the benchmark build the same profiles.
 */
public final class ProfileFiles {
  private ProfileFiles() {}

  /** The metadata of dataset directory {@code dataset}; empty maps for absent files. */
  public static Metadata read(String step, Path dataset) throws ComponentException {
    Map<String, UserProfile> users = new HashMap<>();
    Map<String, ItemProfile> items = new HashMap<>();
    forEachLine(
        step,
        dataset.resolve(DatasetLayout.USERS),
        5,
        f -> users.put(f[0], new UserProfile(f[1], parseAge(f[2]), f[3], f[4])));
    MovieTitles.read(step, dataset)
        .entries()
        .forEach(
            (item, movie) -> {
              List<String> genres =
                  movie.genres() == null ? List.of() : Arrays.asList(movie.genres().split("\\|"));
              items.put(
                  item,
                  new ItemProfile(genres, Movie.of(item, movie.title(), genres).year().orElse(0)));
            });
    return new Metadata(users, items);
  }

  /** The metadata of reader catalogs (either may be absent). */
  public static Metadata of(Catalog<User> users, Catalog<Movie> movies) {
    Map<String, UserProfile> profiles = new HashMap<>();
    if (users != null) {
      users
          .entries()
          .forEach(
              u ->
                  profiles.put(
                      u.id(), new UserProfile(u.gender(), u.age(), u.occupation(), u.zipCode())));
    }
    Map<String, ItemProfile> items = new HashMap<>();
    if (movies != null) {
      movies
          .entries()
          .forEach(m -> items.put(m.id(), new ItemProfile(m.genres(), m.year().orElse(0))));
    }
    return new Metadata(profiles, items);
  }

  private static int parseAge(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private interface LineHandler {
    void accept(String[] fields);
  }

  private static void forEachLine(String step, Path file, int minFields, LineHandler handler)
      throws ComponentException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length < minFields) {
          throw new ComponentException(
              step
                  + ": "
                  + file
                  + " line "
                  + number
                  + ": expected "
                  + minFields
                  + " tab-separated fields, found "
                  + fields.length);
        }
        handler.accept(fields);
      }
    } catch (IOException e) {
      throw new ComponentException(step + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
