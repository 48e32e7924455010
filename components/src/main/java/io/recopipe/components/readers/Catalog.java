package io.recopipe.components.readers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog entries (movies or users) by id in file order, so a recommender can look up what an id
 * stands for.
 *
 * @param <T> the entry type
 */
public final class Catalog<T> {
  private final Map<String, T> byId;

  Catalog(LinkedHashMap<String, T> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** How many entries there are. */
  public int size() {
    return byId.size();
  }

  /** The entry with {@code id}, if any. */
  public Optional<T> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** All entries in file order. */
  public List<T> entries() {
    return Collections.unmodifiableList(new ArrayList<>(byId.values()));
  }

  @Override
  public String toString() {
    return "Catalog[" + byId.size() + " entries]";
  }
}
