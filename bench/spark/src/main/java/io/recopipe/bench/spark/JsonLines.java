package io.recopipe.bench.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints the comparator's results as one compact JSON object per line, keys in the order
 * {@code recopipe bench pipeline} uses, so both engines' lines can be read by the same tools.
 * (Jackson comes with Spark.)
 */
final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final PrintStream out;
  private final String caseName;

  JsonLines(PrintStream out, String caseName) {
    this.out = out;
    this.caseName = caseName;
  }

  /** Starts a line with case, engine and step; the caller adds fields and prints it. */
  Map<String, Object> line(String step) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", caseName);
    row.put("engine", "spark");
    row.put("step", step);
    return row;
  }

  /** A step line: its seconds, the rows it processed and rows/s. */
  Map<String, Object> step(String step, double seconds, long rows) {
    Map<String, Object> row = line(step);
    row.put("seconds", round(seconds, 3));
    row.put("rows", rows);
    row.put("rows_per_s", seconds > 0 ? Math.round(rows / seconds) : null);
    return row;
  }

  void print(Map<String, Object> row) {
    try {
      out.println(MAPPER.writeValueAsString(row));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON line: " + e.getMessage(), e);
    }
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
