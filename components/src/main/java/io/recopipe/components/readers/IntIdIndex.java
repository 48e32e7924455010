package io.recopipe.components.readers;

import io.recopipe.model.data.IdDictionary;
import java.util.Arrays;

/**
 * Maps integer ids (MovieLens user and movie ids) to dictionary indexes with an open-addressing
 * table, so the reader creates an id string once per distinct id instead of once per line.
 */
final class IntIdIndex {
  private final IdDictionary dictionary;
  private int[] keys;
  private int[] values;
  private int mask;
  private int size;

  IntIdIndex(IdDictionary dictionary) {
    this.dictionary = dictionary;
    resize(1024);
  }

  /** Returns the dictionary index of {@code id}, interning its decimal text when new. */
  int indexOf(int id) {
    int slot = mix(id) & mask;
    while (true) {
      int value = values[slot];
      if (value < 0) {
        int index = dictionary.intern(Integer.toString(id));
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

  private static int mix(int id) {
    int h = id * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void resize(int capacity) {
    int[] oldKeys = keys;
    int[] oldValues = values;
    keys = new int[capacity];
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
