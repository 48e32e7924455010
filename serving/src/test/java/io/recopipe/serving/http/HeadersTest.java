package io.recopipe.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Date;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The date header reads exactly as Netty's HTTP date formatter wrote it. */
class HeadersTest {
  @Test
  void httpDatesMatchNettysFormatter() {
    long[] fixed = {0L, 784111777L, 951782400L, 1709164799L, 1798761600L, 4102444799L};
    for (long second : fixed) {
      assertEquals(DateFormatter.format(new Date(second * 1000)), Headers.httpDate(second));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long second = random.nextLong(0, 4102444800L); // 1970 to 2100
      assertEquals(
          DateFormatter.format(new Date(second * 1000)),
          Headers.httpDate(second),
          "epoch second " + second);
    }
  }

  @Test
  void everyAnswerGetsTypeLengthAndTheCurrentDate() {
    HttpHeaders headers = new DefaultHttpHeaders();
    long before = System.currentTimeMillis() / 1000;
    Headers.set(headers, Responses.JSON, 17);
    long after = System.currentTimeMillis() / 1000;

    assertEquals("application/json", headers.get(HttpHeaderNames.CONTENT_TYPE));
    assertEquals("17", headers.get(HttpHeaderNames.CONTENT_LENGTH));
    String date = headers.get(HttpHeaderNames.DATE);
    assertTrue(date.equals(Headers.httpDate(before)) || date.equals(Headers.httpDate(after)), date);
  }
}
