package io.recopipe.pipeline.registry;

import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.metadata.RunStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Small registry fixtures: a run row and a version draft for it. */
public final class RegistryFixtures {
  private RegistryFixtures() {}

  /** Records run {@code runId} (started by {@code who}) and returns a draft version of it. */
  public static RegisteredVersion draft(
      MetadataStore store, String runId, String who, double rmse) {
    new RunRepository(store)
        .insert(
            new RunRecord(
                runId,
                "mf",
                RunStatus.RUNNING,
                null,
                Map.of("train.num_factors", "8"),
                Instant.parse("2026-11-01T00:00:00Z"),
                null,
                who,
                1,
                null));
    return new RegisteredVersion(
        "mf",
        0,
        runId,
        "abc" + runId,
        "runs/" + runId + "/export/model",
        "sha-" + runId,
        Optional.empty(),
        "fp1",
        Map.of("num_factors", "8"),
        Map.of("rmse", rmse, "r2_score", 0.3),
        "{\"blessed\":true}",
        true,
        VersionStatus.REGISTERED,
        Instant.parse("2026-11-01T00:01:00Z"));
  }
}
