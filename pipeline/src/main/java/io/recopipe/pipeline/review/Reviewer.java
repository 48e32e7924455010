package io.recopipe.pipeline.review;

import java.time.Instant;

/**
 * An authenticated reviewer: the name every approval, rejection and rollback is attributed to, and
 * whether they administer the home (add and disable reviewers, change its policy).
 *
 * @param name the reviewer's name
 * @param createdAt when the reviewer was added
 * @param disabled whether their token no longer authenticates
 * @param admin whether they may manage reviewers and the home's policy
 */
public record Reviewer(String name, Instant createdAt, boolean disabled, boolean admin) {}
