package io.recopipe.model.data;

import io.recopipe.model.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps external ids (strings, as BigQuery ML's {@code feature} column) to dense indexes 0..n-1, so
 * that every array in the model can be indexed directly instead of through a hash map.
 */
public final class IdDictionary {
  private final Map<String, Integer> indexById;
  private final List<String> ids;

  /** Creates an empty dictionary. */
  public IdDictionary() {
    this(16);
  }

  private IdDictionary(int expected) {
    this.indexById = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
    this.ids = new ArrayList<>(expected);
  }

  /** Creates a dictionary holding {@code ids} in that order; duplicates are refused. */
  public static IdDictionary of(List<String> ids) {
    IdDictionary dictionary = new IdDictionary(ids.size());
    for (String id : ids) {
      int before = dictionary.size();
      if (dictionary.intern(id) != before) {
        throw new InvalidInputException("duplicate id in dictionary: '" + id + "'");
      }
    }
    return dictionary;
  }

  /** Returns the index of {@code id}, adding it at the end when it is new. */
  public int intern(String id) {
    Integer existing = indexById.get(id);
    if (existing != null) {
      return existing;
    }
    int index = ids.size();
    indexById.put(id, index);
    ids.add(id);
    return index;
  }

  /** Returns the index of {@code id}, or -1 when it is unknown. */
  public int indexOf(String id) {
    Integer index = indexById.get(id);
    return index == null ? -1 : index;
  }

  /** Returns the external id at {@code index}. */
  public String id(int index) {
    return ids.get(index);
  }

  /** Returns how many ids the dictionary holds. */
  public int size() {
    return ids.size();
  }

  /** Returns the ids in index order (an unmodifiable view). */
  public List<String> ids() {
    return java.util.Collections.unmodifiableList(ids);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdDictionary that && ids.equals(that.ids);
  }

  @Override
  public int hashCode() {
    return ids.hashCode();
  }

  @Override
  public String toString() {
    int shown = Math.min(5, ids.size());
    return "IdDictionary"
        + Arrays.toString(ids.subList(0, shown).toArray())
        + (ids.size() > shown ? "… (" + ids.size() + ")" : "");
  }
}
