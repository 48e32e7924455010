package io.recopipe.serving.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.util.internal.logging.InternalLogger;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Netty's messages as the server's JSON log lines: INFO and above, placeholders filled in. */
class NettyLogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void detach() {
    NettyLogs.sendTo(null);
  }

  @Test
  void fillsPlaceholdersInOrderAndLeavesExtraOnesAsTheyAre() {
    assertEquals("a 1 b x", NettyLogs.format("a {} b {}", 1, "x"));
    assertEquals("only 1 {}", NettyLogs.format("only {} {}", 1));
    assertEquals("no args {}", NettyLogs.format("no args {}"));
  }

  @Test
  void writesWarningsWithTheLoggerAndExceptionAndDropsDebug() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLog log = new JsonLog(out, 100);
    NettyLogs.sendTo(log);
    InternalLogger logger = NettyLogs.FACTORY.newInstance("io.netty.Test");
    logger.debug("not written {}", 1);
    assertFalse(logger.isDebugEnabled());
    logger.warn("leak of {} bytes", 42, new IllegalStateException("boom"));
    log.flush();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(1, lines.length, out.toString(StandardCharsets.UTF_8));
    JsonNode line = JSON.readTree(lines[0]);
    assertEquals("WARNING", line.path("severity").asText());
    assertEquals("leak of 42 bytes", line.path("message").asText());
    assertEquals("io.netty.Test", line.path("logger").asText());
    assertTrue(line.path("exception").asText().contains("IllegalStateException: boom"));
  }
}
