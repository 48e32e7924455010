package io.recopipe.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes of a schedule's overrides as the Jackson mapper used before wrote them: the
 * JSON is stored, and hashes and comparisons cover it, so rows written before and after must agree.
 */
class ScheduleOverridesJsonTest {
  /** Quotes, a backslash, non-ASCII, an emoji, a newline and a tab: every escape a value needs. */
  static final String TRICKY = "say \"hi\"\\ to Zo\u00eb \ud83c\udf89\n\tnext";

  @Test
  void overridesKeepTheirOrder() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("train.num_factors", "16");
    overrides.put("comment", TRICKY);
    assertEquals(
        "{\"train.num_factors\":\"16\","
            + "\"comment\":\"say \\\"hi\\\"\\\\ to Zo\u00eb \ud83c\udf89\\n\\tnext\"}",
        ScheduleRows.json(overrides));
  }
}
