package io.recopipe.pipeline.review;

import java.time.Instant;
import java.util.Optional;

/**
 * One approval request for a blessed model version under {@code promotion: review}, and its
 * decision once made.
 *
 * @param pipeline the pipeline
 * @param version the registry version waiting
 * @param runId the waiting run
 * @param state its state
 * @param requestedAt when the run started waiting
 * @param expiresAt when it expires unless decided
 * @param startedBy who started the run (the four-eyes rule refuses them as approver)
 * @param decidedBy the reviewer who decided
 * @param decidedAt when
 * @param comment the reviewer's comment
 */
public record Approval(
    String pipeline,
    int version,
    String runId,
    ApprovalState state,
    Instant requestedAt,
    Instant expiresAt,
    String startedBy,
    Optional<String> decidedBy,
    Optional<Instant> decidedAt,
    Optional<String> comment) {}
