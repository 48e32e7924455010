package io.recopipe.pipeline.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes of a registered version's options and metrics as the Jackson mapper used
 * before wrote them: the JSON is stored, and hashes and comparisons cover it, so rows written
 * before and after must agree.
 */
class RegisteredVersionJsonTest {
  /** Quotes, a backslash, non-ASCII, an emoji, a newline and a tab: every escape a value needs. */
  static final String TRICKY = "say \"hi\"\\ to Zo\u00eb \ud83c\udf89\n\tnext";

  @Test
  void metricsKeepDoublesAndSpellNonFiniteOnesAsStrings() {
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("rmse", 0.9123456789);
    metrics.put("nan", Double.NaN);
    metrics.put("inf", Double.NEGATIVE_INFINITY);
    metrics.put("one", 1.0);
    metrics.put("big", 1e21);
    metrics.put("small", 1.5e-7);
    assertEquals(
        "{\"big\":1.0E21,\"inf\":\"-Infinity\",\"nan\":\"NaN\",\"one\":1.0,"
            + "\"rmse\":0.9123456789,\"small\":1.5E-7}",
        RegisteredVersionRows.json(metrics));
    assertEquals(
        "{\"a\":\"1\",\"comment\":\"say \\\"hi\\\"\\\\ to Zo\u00eb \ud83c\udf89\\n\\tnext\"}",
        RegisteredVersionRows.json(new TreeMap<>(Map.of("comment", TRICKY, "a", "1"))));
  }
}
