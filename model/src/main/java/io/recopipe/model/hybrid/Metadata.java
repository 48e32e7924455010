package io.recopipe.model.hybrid;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * User and item metadata by external id, as read from a data set's catalogs; empty when the source
 * had none (synthetic presets), in which case the hybrid uses matrix-factorization features only.
 *
 * @param users profiles by user id
 * @param items profiles by item id
 */
public record Metadata(Map<String, UserProfile> users, Map<String, ItemProfile> items) {
  /** Copies both maps in id order, so vocabularies built from them are deterministic. */
  public Metadata {
    users = Collections.unmodifiableMap(new TreeMap<>(users));
    items = Collections.unmodifiableMap(new TreeMap<>(items));
  }

  /** No metadata at all. */
  public static Metadata none() {
    return new Metadata(Map.of(), Map.of());
  }

  /** Whether neither users nor items have metadata. */
  public boolean isEmpty() {
    return users.isEmpty() && items.isEmpty();
  }

  /** The profile of {@code user}, or null when unknown. */
  public UserProfile user(String user) {
    return users.get(user);
  }

  /** The profile of {@code item}, or null when unknown. */
  public ItemProfile item(String item) {
    return items.get(item);
  }

  /** Every occupation named by a user profile, sorted. */
  public TreeSet<String> occupations() {
    TreeSet<String> names = new TreeSet<>();
    users.values().forEach(p -> names.add(p.occupation()));
    return names;
  }

  /** Every genre named by an item profile, sorted. */
  public TreeSet<String> genres() {
    TreeSet<String> names = new TreeSet<>();
    items.values().forEach(p -> names.addAll(p.genres()));
    return names;
  }
}
