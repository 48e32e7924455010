package io.recopipe.serving.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpRequestEntryTest {
  private static String latency(long nanos) {
    return new HttpRequestEntry("GET", "/", 200, nanos, 0, "127.0.0.1", null).latency();
  }

  @Test
  void latencyIsCloudLoggingsDurationFormat() {
    assertEquals("0.002s", latency(2_000_000));
    assertEquals("0.000123s", latency(123_456));
    assertEquals("1.5s", latency(1_500_000_000));
    assertEquals("0s", latency(999));
    assertEquals("12s", latency(12_000_000_000L));
  }
}
