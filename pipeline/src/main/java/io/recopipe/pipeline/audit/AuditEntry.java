package io.recopipe.pipeline.audit;

import java.time.Instant;

/**
 * One row of the audit log; {@code hash} is SHA-256 over the previous row's hash and this row's
 * fields, so editing, inserting or deleting any row breaks every hash after it.
 *
 * @param seq 1, 2, ... with no gaps
 * @param at when
 * @param actor the authenticated reviewer, or {@code system:...} for the runner and scheduler
 * @param action what, e.g. {@code approve}, {@code reject}, {@code promote}, {@code rollback}
 * @param subject on what, e.g. {@code movielens-mf/v3}
 * @param detail a JSON object with the rest (comment, from/to versions, run id)
 * @param prevHash the previous row's hash ({@code 64 zeros} for the first)
 * @param hash this row's hash
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String subject,
    String detail,
    String prevHash,
    String hash) {}
