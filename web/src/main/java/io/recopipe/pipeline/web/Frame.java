package io.recopipe.pipeline.web;

/**
 * What the shared layout ({@code layout.jte}) needs besides a page's own content: its title and the
 * logged-in session, if any, for the navigation and the logout form.
 *
 * @param title the page title and heading
 * @param session the reviewer's session, or null before login
 */
record Frame(String title, Session session) {}
