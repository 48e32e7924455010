package io.recopipe.pipeline.audit;

import io.recopipe.infra.gcs.GcsHeadAnchor;
import io.recopipe.infra.gcs.GcsHeadAnchor.Head;
import io.recopipe.infra.gcs.GcsHeadAnchor.MalformedHeadException;
import io.recopipe.model.error.OperationFailedException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BigQuery audit log's head kept outside its table ({@link GcsHeadAnchor}), because a hash
 * chain alone cannot notice its newest rows being deleted. The anchor is created at the genesis
 * before the first row and only ever moves forward, by compare-and-swap, from a head that still
 * matches the table; one that does not is left alone as the evidence {@link #check} reports.
 *
 * <p>An append stores its row first and then moves the anchor, so a writer that stops in between
 * leaves the anchor behind the table: verification says so (the chain is still intact), and the
 * next append moves it on after checking the chain up to the row it names.
 */
final class AuditAnchor {
  private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);

  /** How many times a move retries after another writer changed the anchor first. */
  static final int ATTEMPTS = 5;

  private final GcsHeadAnchor object;

  AuditAnchor(GcsHeadAnchor object) {
    this.object = object;
  }

  /**
   * Before an append whose table head is {@code headSeq}: the anchor as it stands, created at the
   * genesis first when the log is empty and has none (a lost race to create it is fine: the winner
   * created it). Empty when there is no usable anchor, which appends then leave alone.
   */
  Optional<Head> prepare(long headSeq) {
    try {
      Optional<Head> head = readOrEmpty();
      if (headSeq == 0 && head.isEmpty()) {
        head = object.replace(0, 0, AuditChain.GENESIS);
        return head.isPresent() ? head : readOrEmpty();
      }
      return head;
    } catch (IOException e) {
      throw new OperationFailedException(
          "cannot append to the BigQuery audit log: its head anchor: " + e.getMessage(), e);
    }
  }

  /**
   * After {@code appended} was stored: moves the anchor, last seen as {@code seen}, to it when the
   * anchor still names an entry of the intact chain ({@code entries} reads the table, only when the
   * anchor lags further behind than the row {@code appended} chains to). A failure here leaves the
   * anchor behind, which the next append repairs, so it is logged rather than thrown: the entry is
   * already in the log.
   */
  void advance(Optional<Head> seen, AuditEntry appended, Supplier<List<AuditEntry>> entries) {
    try {
      Optional<Head> head = seen;
      for (int attempt = 1; attempt <= ATTEMPTS && head.isPresent(); attempt++) {
        Head from = head.get();
        if (from.seq() >= appended.seq() || !matches(from, appended, entries)) {
          return;
        }
        if (object.replace(from.generation(), appended.seq(), appended.hash()).isPresent()) {
          return;
        }
        head = readOrEmpty();
      }
      if (head.isPresent() && head.get().seq() < appended.seq()) {
        LOG.warn(
            "audit entry {} appended, but {} kept changing; the next append moves it on",
            appended.seq(),
            object.uri());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "audit entry {} appended, but its head anchor {} was not moved ({}); the next append"
              + " moves it on",
          appended.seq(),
          object.uri(),
          e.getMessage());
    }
  }

  /** Whether {@code from} names an entry of the intact chain {@code appended} extends. */
  private static boolean matches(
      Head from, AuditEntry appended, Supplier<List<AuditEntry>> entries) {
    if (from.seq() == appended.seq() - 1) {
      return from.hash().equals(appended.prevHash());
    }
    List<AuditEntry> log = entries.get();
    if (log.size() < appended.seq() || !AuditChain.verify(log).intact()) {
      return false;
    }
    return AuditHeadCheck.hashAt(log, from.seq()).equals(from.hash());
  }

  /** The verdict for {@code entries}, whose chain verified as {@code chain}. */
  AuditVerification check(List<AuditEntry> entries, AuditVerification chain) {
    if (!chain.intact()) {
      return chain;
    }
    int n = entries.size();
    String where = "its head anchor (" + object.uri() + ")";
    Head head;
    try {
      Optional<Head> read = object.read();
      if (read.isEmpty()) {
        return n == 0
            ? chain
            : AuditHeadCheck.broken(
                n,
                n,
                where
                    + " is missing while the log has "
                    + AuditHeadCheck.entries(n)
                    + ": it was deleted, or the log was written before recopipe kept one");
      }
      head = read.get();
    } catch (MalformedHeadException e) {
      return AuditHeadCheck.broken(n, n, e.getMessage());
    } catch (IOException e) {
      return new AuditVerification(
          false, n, OptionalLong.empty(), "audit log BROKEN: cannot read " + e.getMessage());
    }
    Optional<AuditVerification> mismatch =
        AuditHeadCheck.mismatch(entries, head.seq(), head.hash(), where);
    if (mismatch.isPresent()) {
      return mismatch.get();
    }
    long behind = n - head.seq();
    String end =
        behind == 0
            ? "; its end matches its head anchor"
            : "; its head anchor is "
                + AuditHeadCheck.entries(behind)
                + " behind (an append stopped before moving it; the next append moves it on)";
    return new AuditVerification(true, n, OptionalLong.empty(), chain.message() + end);
  }

  private Optional<Head> readOrEmpty() throws IOException {
    try {
      return object.read();
    } catch (MalformedHeadException e) {
      return Optional.empty();
    }
  }
}
