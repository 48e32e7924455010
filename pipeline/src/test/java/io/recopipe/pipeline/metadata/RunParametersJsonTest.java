package io.recopipe.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes of a run's parameters column as the Jackson mapper used before wrote them:
 * the JSON is stored, and hashes and comparisons cover it, so rows written before and after must
 * agree.
 */
class RunParametersJsonTest {
  /** Quotes, a backslash, non-ASCII, an emoji, a newline and a tab: every escape a value needs. */
  static final String TRICKY = "say \"hi\"\\ to Zo\u00eb \ud83c\udf89\n\tnext";

  @Test
  void parametersAreSortedCompactJsonAndReadBack() throws Exception {
    Map<String, String> parameters =
        Map.of("train.num_factors", "8", "comment", TRICKY, "empty", "", "seed", "42");
    String json = RunRepository.toJson(parameters);
    assertEquals(
        "{\"comment\":\"say \\\"hi\\\"\\\\ to Zo\u00eb \ud83c\udf89\\n\\tnext\","
            + "\"empty\":\"\",\"seed\":\"42\",\"train.num_factors\":\"8\"}",
        json);
    assertEquals(new TreeMap<>(parameters), RunRepository.fromJson(json));
  }
}
