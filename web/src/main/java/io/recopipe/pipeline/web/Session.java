package io.recopipe.pipeline.web;

import io.recopipe.pipeline.review.Reviewer;

/**
 * One logged-in reviewer's browser session: every action in it is attributed to {@code reviewer},
 * and every form in it must carry {@code csrfToken}.
 *
 * @param id the random session id (the cookie value)
 * @param reviewer who logged in
 * @param csrfToken the random token every form of this session posts back
 */
public record Session(String id, Reviewer reviewer, String csrfToken) {}
