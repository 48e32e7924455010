package io.recopipe.serving.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.recopipe.serving.model.LoadedModel;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The server's Prometheus metrics (requests and latency histogram by route and status, the loaded
 * model version), with timers cached per route and status so that recording costs no builder and
 * no string on the request path.
 */
public final class ServingMetrics {
  private static final int STATUSES = 600;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> timers =
      new ConcurrentHashMap<>();
  private Gauge modelGauge;
  private volatile double loadedAtSeconds = Double.NaN;

  /** Creates the registry and the model-load gauge. */
  public ServingMetrics() {
    Gauge.builder("recopipe_model_loaded_timestamp_seconds", this, m -> m.loadedAtSeconds)
        .description("When the served model was loaded").register(registry);
  }

  /** Records one request of {@code route} answered with {@code status}. */
  public void record(String route, int status, long nanos) {
    if (status < 0 || status >= STATUSES) {
      timer(route, status).record(nanos, TimeUnit.NANOSECONDS);
      return;
    }
    AtomicReferenceArray<Timer> byStatus = timers.get(route);
    if (byStatus == null) {
      byStatus = timers.computeIfAbsent(route, r -> new AtomicReferenceArray<>(STATUSES));
    }
    Timer timer = byStatus.get(status);
    if (timer == null) {
      timer = timer(route, status); // the registry hands every caller the same timer
      byStatus.set(status, timer);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String route, int status) {
    return Timer.builder("http_server_requests")
        .description("HTTP requests by route and status")
        .tag("route", route).tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(50_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  /** Points the model gauge at {@code model}: {@code recopipe_served_model{model_version,run_id} 1}. */
  public synchronized void modelLoaded(LoadedModel model) {
    if (modelGauge != null) {
      registry.remove(modelGauge);
    }
    modelGauge = Gauge.builder("recopipe_served_model", () -> 1.0)
        .description("The model being served (value 1), labelled with its version")
        .tag("model_version", model.version()).tag("run_id", model.runId())
        .register(registry);
    loadedAtSeconds = model.loadedAt().toEpochMilli() / 1000.0;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
