package io.recopipe.serving.log;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;

/**
 * Cloud Logging's {@code httpRequest} object for one request, so that request logs show up in the
 * console's request view with method, URL, status and latency.
 *
 * @param method       the HTTP method
 * @param url          the request URL
 * @param status       the response status
 * @param latencyNanos the time spent serving it
 * @param responseSize the response body size in bytes
 * @param remoteIp     the client's address
 * @param userAgent    the client's User-Agent, or null
 */
public record HttpRequestEntry(String method, String url, int status, long latencyNanos,
    long responseSize, String remoteIp, String userAgent) {

  /** Cloud Logging's latency format: seconds with a trailing "s", e.g. {@code "0.002s"}. */
  public String latency() {
    return String.format(Locale.ROOT, "%.6fs", latencyNanos / 1e9).replaceAll("0+s$", "s")
        .replaceAll("\\.s$", "s");
  }

  void writeTo(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("httpRequest");
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
