package io.recopipe.pipeline.registry;

import io.recopipe.pipeline.metadata.RunRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One registered model version of a pipeline: which run made it, where its bundle is and its hash,
 * what data and options it came from, how it scored and what the gate said, so a reviewer (or an
 * auditor a year later) can tell exactly what was promoted.
 *
 * @param pipeline the pipeline name
 * @param version 1, 2, ... per pipeline, in registration order
 * @param runId the run that trained it ({@link RunRecord#id()})
 * @param modelVersion the bundle's content version (12 hex digits; what endpoints report)
 * @param bundleUri the export step's MODEL artifact URI in the artifact store
 * @param bundleSha256 that artifact's tree hash
 * @param imageUri the package step's IMAGE artifact URI, once packaged
 * @param dataFingerprint the training data fingerprint from the bundle manifest
 * @param options the training options (BigQuery ML names)
 * @param metrics the ML.EVALUATE metrics on the eval split
 * @param gateDecision the gate's decision JSON (every check)
 * @param blessed whether the gate blessed it
 * @param status its status
 * @param createdAt when it was registered
 */
public record RegisteredVersion(
    String pipeline,
    int version,
    String runId,
    String modelVersion,
    String bundleUri,
    String bundleSha256,
    Optional<String> imageUri,
    String dataFingerprint,
    Map<String, String> options,
    Map<String, Double> metrics,
    String gateDecision,
    boolean blessed,
    VersionStatus status,
    Instant createdAt) {}
