package io.recopipe.serving.log;

import com.fasterxml.jackson.core.JsonGenerator;
import io.recopipe.logging.JsonValue;
import java.io.IOException;

/**
 * Cloud Logging's {@code httpRequest} object for one request, so that request logs show up in the
 * console's request view with method, URL, status and latency.
 *
 * @param method the HTTP method
 * @param url the request URL
 * @param status the response status
 * @param latencyNanos the time spent serving it
 * @param responseSize the response body size in bytes
 * @param remoteIp the client's address
 * @param userAgent the client's User-Agent, or null
 */
public record HttpRequestEntry(
    String method,
    String url,
    int status,
    long latencyNanos,
    long responseSize,
    String remoteIp,
    String userAgent)
    implements JsonValue {
  /** The log line's field Cloud Logging reads the request from. */
  public static final String FIELD = "httpRequest";

  /** Cloud Logging's latency format: seconds with a trailing "s", e.g. {@code "0.002s"}. */
  public String latency() {
    long micros = Math.max(0, latencyNanos) / 1000;
    StringBuilder out = new StringBuilder(16).append(micros / 1_000_000);
    long fraction = micros % 1_000_000;
    if (fraction != 0) {
      String digits = Long.toString(1_000_000 + fraction).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    return out.append('s').toString();
  }

  @Override
  public void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("requestMethod", method);
    json.writeStringField("requestUrl", url);
    json.writeNumberField("status", status);
    json.writeStringField("latency", latency());
    json.writeStringField("responseSize", Long.toString(responseSize));
    json.writeStringField("remoteIp", remoteIp);
    if (userAgent != null) {
      json.writeStringField("userAgent", userAgent);
    }
    json.writeEndObject();
  }
}
