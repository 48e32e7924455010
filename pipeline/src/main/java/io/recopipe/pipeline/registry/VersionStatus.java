package io.recopipe.pipeline.registry;

/**
 * Where a registered model version is in its life, so {@code models list} and the review page can
 * say at a glance which versions wait, which were refused and which ever served.
 */
public enum VersionStatus {
  /** Blessed and exported; under {@code promotion: auto} it deploys in the same run. */
  REGISTERED,
  /** Waiting for a reviewer (promotion: review); nothing deployed. */
  AWAITING_APPROVAL,
  /** A reviewer approved it; its run resumes to deploy. */
  APPROVED,
  /** A reviewer rejected it; it never served. */
  REJECTED,
  /** Nobody decided in time; it never served. */
  EXPIRED,
  /** It was deployed and became champion (it may since have been replaced). */
  DEPLOYED
}
