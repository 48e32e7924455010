package io.recopipe.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Flat JSON answers are written in the order given, escaped, without the data-binding mapper. */
class ResponsesTest {
  @Test
  void fieldsAreWrittenInOrderAndEscaped() {
    assertEquals(
        "{\"status\":\"ready\",\"model_version\":\"61f449937e19\"}",
        new String(
            Responses.fieldsBody("status", "ready", "model_version", "61f449937e19"),
            StandardCharsets.UTF_8));
    assertEquals(
        "{\"error\":\"bad \\\"id\\\"\\n\"}",
        new String(Responses.errorBody("bad \"id\"\n"), StandardCharsets.UTF_8));
  }

  @Test
  void fieldsComeInPairs() {
    assertThrows(IllegalArgumentException.class, () -> Responses.fieldsBody("status"));
  }
}
