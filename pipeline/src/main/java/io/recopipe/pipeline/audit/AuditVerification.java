package io.recopipe.pipeline.audit;

import java.util.OptionalLong;

/**
 * The outcome of {@code recopipe audit verify}: whether the chain is intact and, if not, the first
 * row that does not verify and why, so an auditor knows where to look.
 *
 * @param intact whether every row verified
 * @param entries how many rows were checked
 * @param firstBadSeq the first row that failed, when one did
 * @param message one line for people
 */
public record AuditVerification(
    boolean intact, long entries, OptionalLong firstBadSeq, String message) {}
