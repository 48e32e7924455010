package io.recopipe.components.readers;

import io.recopipe.model.data.IdDictionary;
import java.util.Arrays;

/**
 * Maps integer ids (MovieLens ids, INT64 ids of a dataset's schema) to dictionary indexes with an
 * open-addressing table, so a reader creates an id string once per distinct id instead of once per
 * line.
 */
public final class IntegerIdIndex {
  private final IdDictionary dictionary;
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  /** An empty index that interns new ids into {@code dictionary}. */
  public IntegerIdIndex(IdDictionary dictionary) {
    this.dictionary = dictionary;
    resize(1024);
  }

  /** The dictionary index of {@code id}, interning its canonical text when it is new. */
  public int indexOf(long id) {
    int slot = mix(id) & mask;
    while (true) {
      int value = values[slot];
      if (value < 0) {
        int index = dictionary.intern(Long.toString(id));
        keys[slot] = id;
        values[slot] = index;
        if (++size * 2 > keys.length) {
          resize(keys.length * 2);
        }
        return index;
      }
      if (keys[slot] == id) {
        return value;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static int mix(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, -1);
    mask = capacity - 1;
    if (oldKeys == null) {
      return;
    }
    for (int n = 0; n < oldKeys.length; n++) {
      if (oldValues[n] >= 0) {
        int slot = mix(oldKeys[n]) & mask;
        while (values[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[n];
        values[slot] = oldValues[n];
      }
    }
  }
}
