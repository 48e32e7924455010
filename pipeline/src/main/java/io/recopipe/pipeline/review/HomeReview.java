package io.recopipe.pipeline.review;

import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.time.Clock;

/**
 * The review services of one home, built once by whoever composes the application (a command, the
 * review server) and handed to the runner and the reviewer actions, so no class looks them up and a
 * profile can swap an implementation in one place.
 *
 * @param approvals the approval requests
 * @param reviewers the configured reviewers
 * @param policy the home's promotion policy
 * @param audit the audit log
 */
public record HomeReview(
    Approvals approvals, Reviewers reviewers, HomePolicy policy, AuditLog audit) {

  /** The home's own services, all in its SQLite metadata {@code store}. */
  public static HomeReview sqlite(MetadataStore store, Clock clock) {
    return new HomeReview(
        new SqliteApprovals(store),
        new Reviewers(store, clock),
        new HomePolicy(store, clock),
        new SqliteAuditLog(store));
  }
}
