package io.recopipe.pipeline.registry;

import java.util.List;
import java.util.Optional;

/**
 * The model registry of a pipeline: numbered versions, the {@value #CHAMPION} and {@value
 * #PREVIOUS} aliases and the history of their moves, behind one interface so the runner, the review
 * actions and the commands work the same against the home's SQLite store ({@link
 * SqliteModelRegistry}) and the Vertex AI Model Registry of the gcp profile.
 */
public interface ModelRegistry extends AutoCloseable {
  /** The alias of the version that serves. */
  String CHAMPION = "champion";

  /** The alias of the version that served before the champion (rollback target). */
  String PREVIOUS = "previous";

  /**
   * Registers {@code draft} under the next version number of its pipeline (the draft's own number
   * is ignored) and returns it; audited as {@code register} by {@code actor}.
   */
  RegisteredVersion register(RegisteredVersion draft, String actor);

  /** Registers {@code draft} as the system (the runner) did. */
  default RegisteredVersion register(RegisteredVersion draft) {
    return register(draft, "system:runner");
  }

  /** Version {@code version} of {@code pipeline}. */
  Optional<RegisteredVersion> find(String pipeline, int version);

  /** The version run {@code runId} of {@code pipeline} registered. */
  Optional<RegisteredVersion> forRun(String pipeline, String runId);

  /** Every version of {@code pipeline}, newest first. */
  List<RegisteredVersion> list(String pipeline);

  /** The version {@code alias} points at. */
  Optional<RegisteredVersion> alias(String pipeline, String alias);

  /**
   * The image reference a deploy target runs for {@code version}: the Vertex AI registry returns
   * the pinned {@code HOST/PATH@sha256:…} reference the version was uploaded with (its recorded
   * IMAGE artifact URI is a path in the home, which Cloud Run cannot pull); the home's registry
   * returns the image it recorded. Empty when the version is unknown or was not packaged.
   */
  default Optional<String> servingImage(String pipeline, int version) {
    return find(pipeline, version).flatMap(RegisteredVersion::imageUri);
  }

  /** Records the image that packages {@code version} (the package step's IMAGE artifact URI). */
  void setImage(String pipeline, int version, String imageUri);

  /**
   * Sets the status of {@code version} as the consequence of a decision {@code actor} made that the
   * caller audits (an approval's request, approve, reject or expire entry), so it is not audited
   * again; the caller runs both as one unit of work (see {@code review.ApprovalDecisions}). Fails
   * when this registry does not hold the version.
   */
  void setStatus(String pipeline, int version, VersionStatus status, String actor);

  /**
   * Makes {@code version} the champion and the old champion {@code previous}, recording both moves
   * and the status change. {@code served}: the version now serves the endpoint (DEPLOYED, and the
   * version it replaces RETIRED), else it is champion without serving (PROMOTED; the version that
   * serves keeps serving and stays DEPLOYED).
   *
   * @throws io.recopipe.model.error.InvalidInputException when the version does not exist
   */
  void promote(String pipeline, int version, String actor, String reason, boolean served);

  /**
   * Records that the champion {@code version} now serves (it was PROMOTED, e.g. an identical rerun
   * deployed it): DEPLOYED, and the version that served before RETIRED.
   */
  void markServing(String pipeline, int version, String actor);

  /**
   * The version of {@code pipeline} whose bundle content is {@code modelVersion} (the first
   * registered, should there be several).
   */
  Optional<RegisteredVersion> withModelVersion(String pipeline, String modelVersion);

  /**
   * The versions that became RETIRED when {@code version} became champion or began to serve, in the
   * order a promotion audits them: the champion it replaced first, then the others by version. The
   * home's registry audits each retirement in the promotion's own transaction and returns empty; a
   * registry without an audit log of its own (the Vertex AI Model Registry) records them with the
   * versions, so whoever promotes through it writes the same entries ({@link PromotionEntries}), a
   * retried task included.
   */
  default List<Integer> retiredFor(String pipeline, int version) {
    return List.of();
  }

  /** Every alias move of {@code pipeline}, newest first. */
  List<AliasChange> history(String pipeline);

  /** Releases what the registry opened (a connection, a client); a no-op by default. */
  @Override
  default void close() {}

  /** How versions are named in messages and audit subjects: {@code pipeline/vN}. */
  static String subject(String pipeline, int version) {
    return pipeline + "/v" + version;
  }
}
