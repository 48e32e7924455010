package io.recopipe.components.readers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps the columns of a file with a header (delimited or Parquet) to user, item, rating and
 * timestamp: a column given explicitly ({@code ingest.user_col} …) wins; otherwise the one column
 * whose name is a common name of the role ({@link ColumnRole}) is taken. Two candidates, or none
 * for a required role, fail with the columns found and the exact {@code --set} that fixes it.
 */
public final class ColumnDetector {
  private ColumnDetector() {}

  /**
   * Resolves every role.
   *
   * @param source the file, for the notice
   * @param header the column names in order
   * @param explicit the columns the user named (by name or 0-based position); others are detected
   * @param fail builds the exception for a problem (it adds the file and line)
   */
  public static DetectedColumns detect(
      String source,
      List<String> header,
      Map<ColumnRole, ColumnRef> explicit,
      Function<String, DataFormatException> fail) {
    Map<ColumnRole, Integer> found = new EnumMap<>(ColumnRole.class);
    for (Map.Entry<ColumnRole, ColumnRef> entry : explicit.entrySet()) {
      found.put(entry.getKey(), resolve(header, entry.getKey(), entry.getValue(), fail));
    }
    boolean detected = false;
    for (ColumnRole role : ColumnRole.values()) {
      if (!found.containsKey(role)) {
        int at = detect(header, role, found, fail);
        found.put(role, at);
        detected |= at >= 0;
      }
    }
    requireDistinct(header, found, fail);
    String notice = detected ? notice(source, header, found) : null;
    return new DetectedColumns(
        found.get(ColumnRole.USER),
        found.get(ColumnRole.ITEM),
        found.get(ColumnRole.RATING),
        found.get(ColumnRole.TIMESTAMP),
        notice);
  }

  private static int resolve(
      List<String> header,
      ColumnRole role,
      ColumnRef ref,
      Function<String, DataFormatException> fail) {
    if (ref.byPosition()) {
      if (ref.position() >= header.size()) {
        throw fail.apply(
            "expected a column at 0-based position "
                + ref.position()
                + " (ingest."
                + role.option()
                + "), found "
                + header.size()
                + " columns: "
                + String.join(", ", header));
      }
      return ref.position();
    }
    int exact = header.indexOf(ref.name());
    if (exact >= 0) {
      return exact;
    }
    for (int n = 0; n < header.size(); n++) {
      if (header.get(n).equalsIgnoreCase(ref.name())) {
        return n;
      }
    }
    throw fail.apply(
        "expected a column named '"
            + ref.name()
            + "' (ingest."
            + role.option()
            + ") in the header, found "
            + String.join(", ", header));
  }

  private static int detect(
      List<String> header,
      ColumnRole role,
      Map<ColumnRole, Integer> taken,
      Function<String, DataFormatException> fail) {
    List<Integer> candidates = new ArrayList<>();
    for (int n = 0; n < header.size(); n++) {
      if (role.matches(header.get(n)) && !taken.containsValue(n)) {
        candidates.add(n);
      }
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    if (candidates.size() > 1) {
      List<String> names = candidates.stream().map(header::get).toList();
      throw fail.apply(
          "found "
              + names.size()
              + " candidate "
              + role.tableColumn()
              + " columns ("
              + String.join(", ", names)
              + ") among "
              + String.join(", ", header)
              + "; pick one with --set ingest."
              + role.option()
              + "="
              + names.get(0));
    }
    if (role.required()) {
      throw fail.apply(
          "found no "
              + role.tableColumn()
              + " column among "
              + String.join(", ", header)
              + "; name it with --set ingest."
              + role.option()
              + "=NAME");
    }
    return -1;
  }

  private static void requireDistinct(
      List<String> header,
      Map<ColumnRole, Integer> found,
      Function<String, DataFormatException> fail) {
    for (ColumnRole a : ColumnRole.values()) {
      for (ColumnRole b : ColumnRole.values()) {
        int at = found.get(a);
        if (a.ordinal() < b.ordinal() && at >= 0 && at == found.get(b)) {
          throw fail.apply(
              "expected distinct columns, found '"
                  + header.get(at)
                  + "' as both "
                  + a.tableColumn()
                  + " (ingest."
                  + a.option()
                  + ") and "
                  + b.tableColumn()
                  + " (ingest."
                  + b.option()
                  + ")");
        }
      }
    }
  }

  private static String notice(String source, List<String> header, Map<ColumnRole, Integer> found) {
    List<String> pairs = new ArrayList<>();
    for (ColumnRole role : ColumnRole.values()) {
      int at = found.get(role);
      pairs.add(role.tableColumn() + "=" + (at < 0 ? "none" : header.get(at)));
    }
    return "columns detected in "
        + ControlChars.escape(source)
        + ": "
        + ControlChars.escape(String.join(", ", pairs))
        + " (override with --set ingest.user_col=…)";
  }
}
