package io.recopipe.pipeline.review;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.util.List;

/**
 * The configured reviewers: names with SHA-256 hashes of their tokens (tokens are 256-bit random
 * strings shown once and never stored), and token authentication for the CLI and the web page.
 */
public final class Reviewers {
  private final MetadataStore store;

  /** Reviewers in {@code store}. */
  public Reviewers(MetadataStore store) {
    this.store = store;
  }

  /** Adds reviewer {@code name} with a fresh token and returns the token (shown once). */
  public String add(String name, String actor) throws ReviewException {
    throw new UnsupportedOperationException("issue 5 " + store.file());
  }

  /** Adds reviewer {@code name} with a token hash provisioned elsewhere (64 hex digits). */
  public void addHashed(String name, String tokenSha256, String actor) throws ReviewException {
    throw new UnsupportedOperationException("issue 5");
  }

  /** The reviewer {@code token} belongs to; refused (UNAUTHENTICATED) when none or disabled. */
  public Reviewer authenticate(String token) throws ReviewException {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Every reviewer, by name. */
  public List<Reviewer> list() {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Disables reviewer {@code name}'s token. */
  public void disable(String name, String actor) throws ReviewException {
    throw new UnsupportedOperationException("issue 5");
  }
}
