package io.recopipe.pipeline.cli;

import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.review.HomeReview;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --profile gcp --config FILE} options of the reviewer commands, and the one place the
 * gcp profile's review services are composed: the BigQuery audit log and approvals, the Cloud Run
 * deploy target and the model registry, so {@code models approve|reject --profile gcp} decide a
 * version a Vertex AI pipeline left awaiting approval.
 */
final class GcpReview {
  @Mixin ProfileOption profile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "With --profile gcp: the config whose gcp section names the project.")
  Path config;

  /** Whether {@code --profile gcp} was given. */
  boolean isGcp() {
    return profile != null && profile.isGcp();
  }

  /** The gcp actions, over {@code home}'s reviewers; the caller closes the returned profile. */
  Opened open(OpenHome home) {
    PipelineConfig resolved = CompileCommand.load(config, Map.of(), true);
    GcpConfig gcp = GcpConfig.from(resolved.values(), resolved.source());
    GcpProfile opened =
        GcpProfile.open(
            gcp,
            GcpEndpoints.from(resolved.values(), resolved.source()),
            ProfileOption.credentials);
    AuditLog audit = BigQueryAuditLog.of(opened);
    DeployTarget target =
        opened
            .services()
            .get(DeployTarget.class)
            .orElseThrow(() -> new InvalidInputException("the gcp profile has no deploy target"));
    Map<String, String> values = new LinkedHashMap<>(resolved.values());
    BigQueryApprovals approvals = new BigQueryApprovals(opened.approvalTable(), audit);
    ModelRegistry registry = registry(opened, home);
    return new Opened(
        opened,
        new GcpPromotions(
            approvals,
            registry,
            target,
            audit,
            values.getOrDefault("deploy.model_name", "recommender_model"),
            Clock.systemUTC()),
        registry,
        new HomeReview(approvals, home.review().reviewers(), home.review().policy(), audit));
  }

  /**
   * The gcp profile's model registry, built here and nowhere else: the Vertex AI Model Registry,
   * where runs started with {@code run --profile gcp} register their versions.
   */
  static ModelRegistry registry(GcpProfile profile, OpenHome home) {
    return VertexModelRegistry.forProfile(profile, home.runner().home().artifacts());
  }

  /**
   * The opened profile, the actions over it, its registry and its review services (the BigQuery
   * approvals and audit log beside the home's reviewers and policy).
   */
  record Opened(
      GcpProfile profile, GcpPromotions promotions, ModelRegistry registry, HomeReview review)
      implements AutoCloseable {
    @Override
    public void close() {
      profile.close();
    }
  }
}
