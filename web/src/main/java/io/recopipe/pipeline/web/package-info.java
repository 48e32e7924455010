/**
 * The review web page of {@code recopipe server}: server-rendered HTML (no JavaScript, no CDN) over
 * one home's registry, approvals and runs. Pages are jte templates ({@code src/main/jte},
 * precompiled at build time) fed small view records, and every {@code ${...}} value is escaped.
 * Every page but {@code /login} and the style sheet needs a logged-in reviewer (a session cookie,
 * HttpOnly and SameSite=Strict); every POST carries a per-session CSRF token ({@code /login} a
 * pre-session double-submit token), and every refusal is a one-line page with the matching HTTP
 * status.
 */
package io.recopipe.pipeline.web;
