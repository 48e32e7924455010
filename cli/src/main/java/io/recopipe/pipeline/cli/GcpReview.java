package io.recopipe.pipeline.cli;

import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --profile gcp --config FILE} options of the reviewer commands, and the one place the
 * gcp profile's review services are composed: its records ({@link GcpRecords}: the audited Vertex
 * AI Model Registry, the BigQuery approvals and audit log) and the Cloud Run deploy target, so
 * {@code models approve|reject|rollback --profile gcp} decide a version a Vertex AI pipeline or a
 * {@code run --profile gcp} of this home left awaiting approval.
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
    GcpRecords records = GcpRecords.of(opened, home.runner().home());
    DeployTarget target =
        opened
            .services()
            .get(DeployTarget.class)
            .orElseThrow(() -> new InvalidInputException("the gcp profile has no deploy target"));
    HomeReview review =
        new HomeReview(
            records.approvals(),
            home.review().reviewers(),
            home.review().policy(),
            records.audit());
    Promotions homeRuns =
        new Promotions(
            home.runner(),
            records.registry(),
            review,
            ModelsCommand::definition,
            Clock.systemUTC());
    return new Opened(
        opened,
        new GcpPromotions(
            records.approvals(),
            records.registry(),
            target,
            records.audit(),
            resolved.values().getOrDefault("deploy.model_name", "recommender_model"),
            Clock.systemUTC(),
            Optional.of(homeRuns)),
        records.registry(),
        review);
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
