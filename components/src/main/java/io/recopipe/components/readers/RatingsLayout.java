package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;
import java.util.List;

/**
 * Everything the ratings parser needs to know about one file layout (delimiter, field names, column
 * positions, id kind, quoting, scale), so one tuned loop serves every format and every format words
 * its errors the same way.
 *
 * @param delimiter the field separator, one character or {@code ::}
 * @param fieldNames the expected fields in order; their count is the exact field count of a line
 * @param columns where user, item, rating and timestamp are
 * @param integerIds true for MovieLens (ids must be integers), false for any non-empty string
 * @param generic true for the generic reader: RFC-4180 quotes and ISO-8601 timestamps are allowed
 * @param scale the declared rating scale
 */
record RatingsLayout(
    String delimiter,
    List<String> fieldNames,
    RatingColumns columns,
    boolean integerIds,
    boolean generic,
    RatingScale scale) {

  private static final String[] LIKELY_DELIMITERS = {"::", "\t", ",", ";", "|", " "};

  RatingsLayout {
    fieldNames = List.copyOf(fieldNames);
    if (columns.highest() >= fieldNames.size()) {
      throw new InvalidInputException(
          "column "
              + columns.highest()
              + " is beyond the "
              + fieldNames.size()
              + " fields "
              + fieldNames);
    }
  }

  int fieldCount() {
    return fieldNames.size();
  }

  /** Names a field's role for messages: {@code user id}, {@code rating}, or its header name. */
  String label(int field) {
    String role = columns.roleOf(field);
    return role == null ? fieldNames.get(field) : role;
  }

  /** Locates a field for messages: its 1-based position and name, as {@code 3 (rating)}. */
  String column(int field) {
    return (field + 1) + " (" + fieldNames.get(field) + ")";
  }

  /** Describes the delimiter as in "tab-separated", "comma-separated", "'::'-separated". */
  String delimiterDescription() {
    switch (delimiter) {
      case "\t":
        return "tab-separated";
      case ",":
        return "comma-separated";
      default:
        return "'" + delimiter + "'-separated";
    }
  }

  /** What a line should look like, e.g. "4 tab-separated fields (user item rating timestamp)". */
  String expectedFields() {
    return fieldCount()
        + " "
        + delimiterDescription()
        + " fields ("
        + String.join(" ", fieldNames)
        + ")";
  }

  /** The message for a line with {@code count} fields, naming another delimiter if one is seen. */
  String fieldCountProblem(String line, int count) {
    if (count == 1 && fieldCount() > 1) {
      for (String candidate : LIKELY_DELIMITERS) {
        if (!candidate.equals(delimiter)
            && !delimiter.contains(candidate)
            && line.contains(candidate)) {
          String found = candidate.equals("\t") ? "tabs" : "'" + candidate + "'";
          return "expected "
              + delimiterDescription()
              + " fields ("
              + String.join(" ", fieldNames)
              + "), found "
              + found;
        }
      }
    }
    return "expected " + expectedFields() + ", found " + count;
  }
}
