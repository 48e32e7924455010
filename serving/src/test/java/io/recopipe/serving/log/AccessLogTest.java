package io.recopipe.serving.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.logging.CloudLoggingEncoder;
import io.recopipe.logging.LineAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The access log: every request line below capacity, in order; drops counted and reported. */
class AccessLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpRequestEntry request(int n) {
    return new HttpRequestEntry(
        "POST", "/v1/models/m:predict?n=" + n, 200, 1_500_000, 10, "127.0.0.1", null);
  }

  private static List<JsonNode> lines(ByteArrayOutputStream out) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private static AccessLog log(OutputStream out, int capacity) {
    return new AccessLog(new LineAppender(out, new CloudLoggingEncoder()), capacity);
  }

  @Test
  void writesEveryLineBelowCapacityInOrderAsCloudLoggingJson() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccessLog log = log(out, 1000);
    for (int n = 0; n < 500; n++) {
      log.request(request(n));
    }
    log.flush();
    List<JsonNode> lines = lines(out);
    assertEquals(500, lines.size());
    for (int n = 0; n < 500; n++) {
      JsonNode line = lines.get(n);
      assertEquals("INFO", line.get("severity").asText());
      assertEquals("POST /v1/models/m:predict 200", line.get("message").asText());
      assertEquals(
          "/v1/models/m:predict?n=" + n, line.get("httpRequest").get("requestUrl").asText());
      assertEquals("0.0015s", line.get("httpRequest").get("latency").asText());
      assertTrue(line.get("time").asText().endsWith("Z"), line.toString());
      assertEquals(
          AccessLog.LOGGER, line.path("logging.googleapis.com/labels").path("logger").asText());
    }
    assertEquals(0, log.dropped());
  }

  @Test
  void requestLinesOverCapacityAreDroppedCountedAndReported() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStream stuck =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writing.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            out.write(b, off, len);
          }
        };
    AccessLog log = log(stuck, 4);
    log.request(request(0));
    assertTrue(writing.await(10, TimeUnit.SECONDS), "the logger never wrote");
    for (int n = 1; n <= 7; n++) {
      log.request(request(n)); // the logger is stuck: 4 fit, 3 are dropped without waiting
    }
    assertEquals(3, log.dropped());
    release.countDown();
    log.flush();
    List<JsonNode> lines = lines(out);
    assertEquals(6, lines.size(), out.toString(StandardCharsets.UTF_8));
    assertTrue(lines.get(0).get("httpRequest").get("requestUrl").asText().endsWith("n=0"));
    assertEquals("WARNING", lines.get(1).get("severity").asText());
    assertEquals(
        "access log: 3 request lines dropped (queue full)", lines.get(1).get("message").asText());
    assertEquals(3, lines.get(1).get("dropped_total").asLong());
    for (int n = 1; n <= 4; n++) {
      assertTrue(lines.get(n + 1).get("httpRequest").get("requestUrl").asText().endsWith("n=" + n));
    }
  }

  @Test
  void errorStatusesGetTheirSeverity() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccessLog log = log(out, 16);
    log.request(new HttpRequestEntry("GET", "/x", 404, 0, 0, "::1", "wrk"));
    log.request(new HttpRequestEntry("GET", "/y", 503, 0, 0, "::1", null));
    log.flush();
    List<JsonNode> lines = lines(out);
    assertEquals("WARNING", lines.get(0).get("severity").asText());
    assertEquals("wrk", lines.get(0).get("httpRequest").get("userAgent").asText());
    assertEquals("ERROR", lines.get(1).get("severity").asText());
  }
}
