package io.recopipe.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** One Cloud Logging JSON line per event, whatever the message holds. */
class CloudLoggingEncoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Logger logger = new LoggerContext().getLogger("io.recopipe.test");
  private final CloudLoggingEncoder encoder = new CloudLoggingEncoder();

  private LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
    return new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, args);
  }

  private JsonNode line(LoggingEvent event) throws IOException {
    String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"), text);
    assertEquals(text.length() - 1, text.indexOf('\n'), "one line: " + text);
    return JSON.readTree(text);
  }

  @Test
  void mapsLevelsToCloudLoggingSeverities() throws IOException {
    assertEquals("ERROR", line(event(Level.ERROR, "e", null)).path("severity").asText());
    assertEquals("WARNING", line(event(Level.WARN, "w", null)).path("severity").asText());
    assertEquals("INFO", line(event(Level.INFO, "i", null)).path("severity").asText());
    assertEquals("DEBUG", line(event(Level.DEBUG, "d", null)).path("severity").asText());
    assertEquals("DEBUG", line(event(Level.TRACE, "t", null)).path("severity").asText());
  }

  @Test
  void writesMessageTimeLoggerAndTypedFields() throws IOException {
    LoggingEvent event = event(Level.INFO, "ready on {}", null, 8080);
    event.setTimeStamp(1_700_000_000_123L);
    event.addKeyValuePair(new KeyValuePair("startup_ms", 412L));
    event.addKeyValuePair(new KeyValuePair("ok", true));
    event.addKeyValuePair(new KeyValuePair("model_version", "v3"));
    event.addKeyValuePair(
        new KeyValuePair(
            "request",
            (JsonValue)
                json -> {
                  json.writeStartObject();
                  json.writeNumberField("status", 200);
                  json.writeEndObject();
                }));
    JsonNode line = line(event);
    assertEquals("ready on 8080", line.path("message").asText());
    assertEquals("2023-11-14T22:13:20.123Z", line.path("time").asText());
    assertEquals("io.recopipe.test", line.path(CloudLoggingEncoder.LABELS).path("logger").asText());
    assertTrue(line.path("startup_ms").isIntegralNumber());
    assertEquals(412, line.path("startup_ms").asInt());
    assertTrue(line.path("ok").asBoolean());
    assertEquals("v3", line.path("model_version").asText());
    assertEquals(200, line.path("request").path("status").asInt());
    assertFalse(line.has(CloudLoggingEncoder.EXCEPTION));
  }

  @Test
  void escapesControlCharactersSoAnEventStaysOneLine() throws IOException {
    String hostile = "a\nb\r\"c\"\t\u0001\u001b[31m\\ é";
    JsonNode line = line(event(Level.WARN, hostile, null));
    assertEquals(hostile, line.path("message").asText());
  }

  @Test
  void keepsTheStackTraceWithItsCausesInTheExceptionField() throws IOException {
    Exception thrown =
        new IllegalStateException("step failed", new java.io.IOException("disk\nfull"));
    JsonNode line = line(event(Level.ERROR, "attempt {} failed", null, 2, thrown));
    assertEquals("attempt 2 failed", line.path("message").asText());
    String trace = line.path(CloudLoggingEncoder.EXCEPTION).asText();
    assertTrue(trace.startsWith("java.lang.IllegalStateException: step failed"), trace);
    assertTrue(trace.contains("\tat io.recopipe.logging.CloudLoggingEncoderTest."), trace);
    assertTrue(trace.contains("Caused by: java.io.IOException: disk\nfull"), trace);
  }
}
