package io.recopipe.serving.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * One latency series with fixed buckets (50 µs to 10 s) on striped counters, because event loops
 * record every request and must never contend on a lock or a shared cache line to do so; the
 * cumulative Prometheus buckets, count and sum are computed only on a scrape.
 */
final class LatencyHistogram {
  /** Bucket upper bounds in seconds, as the exposition writes them. */
  static final String[] BOUNDS = {
    "0.00005", "0.0001", "0.00025", "0.0005", "0.00075", "0.001", "0.0015", "0.002", "0.003",
    "0.004", "0.005", "0.0075", "0.01", "0.015", "0.02", "0.03", "0.05", "0.075", "0.1", "0.25",
    "0.5", "1", "2.5", "5", "10"
  };

  private static final long[] BOUND_NANOS = new long[BOUNDS.length];
  private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
  private final LongAdder sumNanos = new LongAdder();

  static {
    for (int n = 0; n < BOUNDS.length; n++) {
      BOUND_NANOS[n] = Math.round(Double.parseDouble(BOUNDS[n]) * 1e9);
    }
  }

  LatencyHistogram() {
    for (int n = 0; n < buckets.length; n++) {
      buckets[n] = new LongAdder();
    }
  }

  /** Counts one observation of {@code nanos}. */
  void record(long nanos) {
    int low = 0;
    int high = BOUND_NANOS.length;
    while (low < high) { // the first bound >= nanos; BOUNDS.length: +Inf
      int mid = (low + high) >>> 1;
      if (BOUND_NANOS[mid] < nanos) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    buckets[low].increment();
    sumNanos.add(Math.max(0, nanos));
  }

  /** Appends {@code name}'s bucket, count and sum lines with {@code labels}. */
  void render(StringBuilder out, String name, String labels) {
    long cumulative = 0;
    for (int n = 0; n <= BOUNDS.length; n++) {
      cumulative += buckets[n].sum();
      out.append(name)
          .append("_bucket{")
          .append(labels)
          .append(",le=\"")
          .append(n < BOUNDS.length ? BOUNDS[n] : "+Inf")
          .append("\"} ")
          .append(cumulative)
          .append('\n');
    }
    out.append(name).append("_count{").append(labels).append("} ").append(cumulative).append('\n');
    out.append(name)
        .append("_sum{")
        .append(labels)
        .append("} ")
        .append(sumNanos.sum() / 1e9)
        .append('\n');
  }
}
