package io.recopipe.model.hybrid;

import java.util.List;

/**
 * What a movie catalog says about one item (genres and release year), the item metadata half of a
 * hybrid model's features.
 *
 * @param genres the genre names, possibly empty
 * @param year the release year, 0 when unknown
 */
public record ItemProfile(List<String> genres, int year) {
  /** Copies the genres. */
  public ItemProfile {
    genres = List.copyOf(genres);
  }
}
