package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import io.recopipe.components.warehouse.WarehouseException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often, and after what pauses, a publish transaction that BigQuery cancelled for a concurrent
 * one is run again: two jobs publishing the same tables at once are normal (two pipeline jobs
 * ending together), and the cancelled one was rolled back whole, so running it again once the other
 * committed publishes its tables instead of throwing the job's work away. Pauses double from {@code
 * first} up to {@code max}, each shortened by a random part of up to half so that two waiting
 * publishers do not collide again.
 *
 * @param attempts how many times the publish runs at most (1: never again)
 * @param first the pause after the first cancelled attempt
 * @param max the longest pause
 * @param sleeper how a pause is waited out
 */
record PublishRetry(int attempts, Duration first, Duration max, Sleeper sleeper) {
  /** Six attempts over about two minutes at most: 5, 10, 20, 40, 60 s pauses. */
  static final PublishRetry DEFAULT =
      new PublishRetry(
          6, Duration.ofSeconds(5), Duration.ofSeconds(60), p -> Thread.sleep(p.toMillis()));

  /**
   * Whether {@code error} is BigQuery cancelling a statement for a concurrent change to its table:
   * a transaction that conflicts with another is cancelled ("Conflicting transactions are
   * cancelled", https://cloud.google.com/bigquery/docs/transactions#transaction_concurrency), its
   * job failing with reason {@code invalidQuery} and "Transaction is aborted due to concurrent
   * update against table …" (the text users report, e.g. github.com/estuary/connectors/issues/111),
   * and conflicting DML fails with "Could not serialize access to table … due to concurrent update"
   * ("Conflicting DML statements", https://cloud.google.com/bigquery/docs/troubleshoot-queries).
   * The reason is the one of any bad query, so the message decides.
   */
  static boolean concurrentUpdate(BigQueryError error) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    return message.toLowerCase(Locale.ROOT).contains("due to concurrent update");
  }

  /** Waits out the pause after attempt {@code attempt} (1, 2, …) of {@code what}. */
  void pause(int attempt, String what) throws WarehouseException {
    long longest = first.toMillis() << Math.min(attempt - 1, 20);
    long millis = Math.min(longest, max.toMillis());
    long shortened = millis - ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    try {
      sleeper.sleep(Duration.ofMillis(shortened));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(what + ": interrupted while waiting to publish again", e);
    }
  }

  /** Waits out a pause. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }
}
