package io.recopipe.pipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes of an audit entry's detail as the Jackson mapper used before wrote them: the
 * JSON is stored, and hashes and comparisons cover it, so rows written before and after must agree.
 */
class AuditDetailJsonTest {
  /** Quotes, a backslash, non-ASCII, an emoji, a newline and a tab: every escape a value needs. */
  static final String TRICKY = "say \"hi\"\\ to Zo\u00eb \ud83c\udf89\n\tnext";

  @Test
  void detailIsSortedCompactJson() {
    assertEquals(
        "{\"comment\":\"say \\\"hi\\\"\\\\ to Zo\u00eb \ud83c\udf89\\n\\tnext\","
            + "\"from\":\"3\",\"to\":\"4\"}",
        AuditChain.canonicalJson(Map.of("to", "4", "from", "3", "comment", TRICKY)));
    assertEquals("{}", AuditChain.canonicalJson(Map.of()));
  }
}
