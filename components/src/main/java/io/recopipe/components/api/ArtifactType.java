package io.recopipe.components.api;

/**
 * The kinds of artifact steps pass to each other, typed so a pipeline definition can be checked
 * before it runs (an input fed from the wrong kind of output is refused) and compiled to KFP's
 * artifact types later.
 */
public enum ArtifactType {
  /** A data set directory in {@link DatasetLayout}. */
  DATASET,
  /** A model bundle directory ({@code io.recopipe.model.bundle}). */
  MODEL,
  /** Metrics as {@code metrics.json} (name → number) plus any report files. */
  METRICS,
  /** A gate decision as {@code decision.json}: {@code blessed} and every check. */
  GATE_DECISION,
  /** A human-readable report (JSON or text files). */
  REPORT,
  /** A container image tarball (issue 4). */
  IMAGE,
  /** A deployed endpoint description (issue 4). */
  ENDPOINT,
  /** A tuning run's {@code trials.json} and {@code best_options.json} (issue 7). */
  TUNING
}
