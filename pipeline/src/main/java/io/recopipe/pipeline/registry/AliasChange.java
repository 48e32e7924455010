package io.recopipe.pipeline.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * One move of an alias ({@code champion} or {@code previous}): who moved it, when, why and from
 * which version to which, kept forever so "what was in production on March 3rd" has an answer.
 *
 * @param id the change's sequence number
 * @param pipeline the pipeline
 * @param alias the alias that moved
 * @param fromVersion the version it pointed at before (empty on the first promotion)
 * @param toVersion the version it points at after (empty when cleared)
 * @param actor the reviewer or process that moved it
 * @param at when
 * @param reason why (approval comment, "auto promotion", "rollback: ...")
 */
public record AliasChange(
    long id,
    String pipeline,
    String alias,
    Optional<Integer> fromVersion,
    Optional<Integer> toVersion,
    String actor,
    Instant at,
    String reason) {}
