package io.recopipe.pipeline.registry;

/**
 * Where a registered model version is in its life, so {@code models list} and the review page can
 * say at a glance which versions wait, which were refused, which one serves and which served.
 *
 * <p>Lifecycle: a run registers its version at its commit point as REGISTERED (an identical rerun
 * registers nothing and reuses the version with the same content). Under review it becomes
 * AWAITING_APPROVAL, then APPROVED, REJECTED or EXPIRED. A version made champion becomes DEPLOYED
 * when its run served it, else PROMOTED (champion, not served: deploy disabled). Exactly one
 * version of a pipeline is DEPLOYED: when another one is served (a new champion's deploy, a later
 * deploy of a PROMOTED champion, a rollback) the one it replaces becomes RETIRED; a PROMOTED
 * version replaced as champion becomes RETIRED too.
 */
public enum VersionStatus {
  /**
   * Blessed and exported at the run's commit point; under {@code promotion: auto} it is champion by
   * the end of the same run.
   */
  REGISTERED,
  /** Waiting for a reviewer (promotion: review); nothing deployed. */
  AWAITING_APPROVAL,
  /** A reviewer approved it; its run resumes to deploy. */
  APPROVED,
  /** A reviewer rejected it; it never served. */
  REJECTED,
  /** Nobody decided in time; it never served. */
  EXPIRED,
  /** Champion, but not served (its run did not deploy, e.g. {@code deploy.enabled=false}). */
  PROMOTED,
  /** Champion and serving the endpoint: exactly one version of a pipeline at a time. */
  DEPLOYED,
  /** It was champion (served or not) and another version replaced it. */
  RETIRED
}
