package io.recopipe.serving.http;

import io.recopipe.serving.log.AccessLog;
import io.recopipe.serving.log.HttpRequestEntry;
import io.recopipe.serving.metrics.ServingMetrics;

/**
 * What happens when any request ends, on either request path (Javalin's routes or the direct {@code
 * :predict} handler): metrics and the access-log line, so that both paths count and log alike.
 */
public final class RequestEnd {
  private final AccessLog log;
  private final ServingMetrics metrics;
  private final boolean accessLog;

  /** Creates the recorder; without {@code accessLog} requests are counted but not logged. */
  public RequestEnd(AccessLog log, ServingMetrics metrics, boolean accessLog) {
    this.log = log;
    this.metrics = metrics;
    this.accessLog = accessLog;
  }

  /**
   * Records one request of {@code route} that took {@code nanos}; the rest (client, URL, size) only
   * reaches the access log, which formats it on its own thread.
   */
  public void ended(
      String route,
      int status,
      long nanos,
      String method,
      String path,
      String query,
      long size,
      String remoteIp,
      String userAgent) {
    metrics.record(route, status, nanos);
    if (accessLog) {
      log.request(
          new HttpRequestEntry(
              method,
              query == null ? path : path + "?" + query,
              status,
              nanos,
              size,
              remoteIp,
              userAgent));
    }
  }
}
