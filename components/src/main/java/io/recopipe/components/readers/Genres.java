package io.recopipe.components.readers;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code |}-separated genre list as the 1M and CSV releases write it. */
final class Genres {
  private static final String NONE = "(no genres listed)";

  private Genres() {}

  /** Splits {@code Animation|Children's|Comedy}; empty and "(no genres listed)" give no genres. */
  static List<String> split(String genres) {
    List<String> names = new ArrayList<>(4);
    if (genres.isEmpty() || genres.equals(NONE)) {
      return names;
    }
    int from = 0;
    while (true) {
      int bar = genres.indexOf('|', from);
      String name = genres.substring(from, bar < 0 ? genres.length() : bar);
      if (!name.isEmpty()) {
        names.add(name);
      }
      if (bar < 0) {
        return names;
      }
      from = bar + 1;
    }
  }
}
