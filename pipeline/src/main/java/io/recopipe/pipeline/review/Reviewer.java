package io.recopipe.pipeline.review;

import java.time.Instant;

/**
 * An authenticated reviewer: the name every approval, rejection and rollback is attributed to.
 *
 * @param name      the reviewer's name
 * @param createdAt when the reviewer was added
 * @param disabled  whether their token no longer authenticates
 */
public record Reviewer(String name, Instant createdAt, boolean disabled) {
}
