package io.recopipe.serving.metrics;

import io.recopipe.serving.model.LoadedModel;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * The server's Prometheus metrics: requests and their latency histogram by route and status ({@code
 * http_server_requests_seconds}), the served model ({@code recopipe_served_model}, its load time)
 * and the access-log lines dropped. Recording a request adds to two striped counters of a series
 * cached per route and status (no lock, no string, no allocation); the text is rendered only when
 * {@code /metrics} is scraped.
 */
public final class ServingMetrics {
  private static final int STATUSES = 600;
  private final ConcurrentHashMap<String, AtomicReferenceArray<LatencyHistogram>> series =
      new ConcurrentHashMap<>();
  private volatile LoadedModel model;
  private volatile LongSupplier accessLogDropped = () -> 0;

  /** Records one request of {@code route} answered with {@code status} in {@code nanos}. */
  public void record(String route, int status, long nanos) {
    AtomicReferenceArray<LatencyHistogram> byStatus = series.get(route);
    if (byStatus == null) {
      byStatus = series.computeIfAbsent(route, r -> new AtomicReferenceArray<>(STATUSES));
    }
    int slot = status >= 0 && status < STATUSES ? status : 0;
    LatencyHistogram histogram = byStatus.get(slot);
    if (histogram == null) {
      byStatus.compareAndSet(slot, null, new LatencyHistogram());
      histogram = byStatus.get(slot);
    }
    histogram.record(nanos);
  }

  /** Names {@code model} as the one served: {@code recopipe_served_model{…} 1}. */
  public void modelLoaded(LoadedModel model) {
    this.model = model;
  }

  /** Where the access log's count of dropped lines comes from. */
  public void accessLogDropped(LongSupplier dropped) {
    this.accessLogDropped = dropped;
  }

  /** The Prometheus text exposition (format 0.0.4). */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    LoadedModel served = model;
    out.append("# HELP recopipe_model_loaded_timestamp_seconds When the served model was loaded\n")
        .append("# TYPE recopipe_model_loaded_timestamp_seconds gauge\n")
        .append("recopipe_model_loaded_timestamp_seconds ")
        .append(served == null ? "NaN" : Double.toString(served.loadedAt().toEpochMilli() / 1000.0))
        .append('\n');
    if (served != null) {
      out.append(
              "# HELP recopipe_served_model The model being served (value 1), labelled with"
                  + " its version\n# TYPE recopipe_served_model gauge\n")
          .append("recopipe_served_model{model_version=\"")
          .append(label(served.version()))
          .append("\",run_id=\"")
          .append(label(String.valueOf(served.runId())))
          .append("\"} 1\n");
    }
    out.append(
            "# HELP recopipe_access_log_dropped_total Access-log lines dropped because the"
                + " log's queue was full\n# TYPE recopipe_access_log_dropped_total counter\n")
        .append("recopipe_access_log_dropped_total ")
        .append(accessLogDropped.getAsLong())
        .append('\n');
    out.append("# HELP http_server_requests_seconds HTTP requests by route and status\n")
        .append("# TYPE http_server_requests_seconds histogram\n");
    Map<String, AtomicReferenceArray<LatencyHistogram>> sorted = new TreeMap<>(series);
    sorted.forEach(
        (route, byStatus) -> {
          for (int status = 0; status < STATUSES; status++) {
            LatencyHistogram histogram = byStatus.get(status);
            if (histogram != null) {
              histogram.render(
                  out,
                  "http_server_requests_seconds",
                  "route=\"" + label(route) + "\",status=\"" + status + "\"");
            }
          }
        });
    return out.toString();
  }

  private static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
