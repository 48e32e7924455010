package io.recopipe.pipeline.cli;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.vertex.JobIds;
import io.recopipe.infra.vertex.VertexPipelines;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.kfp.KfpOptions;
import io.recopipe.pipeline.kfp.VertexImages;
import io.recopipe.pipeline.kfp.VertexSpec;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.review.ReviewException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe submit --profile gcp}: compiles the movielens-mf pipeline and starts it as a
 * Vertex AI pipeline job, after checking the whole gcp section, so a run on Google Cloud starts
 * from the same definition and config as {@code recopipe run}.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description =
        "Submits the movielens-mf pipeline as a Vertex AI pipeline job, submitted by the "
            + "reviewer of --token-file or $RECOPIPE_REVIEWER_TOKEN when given, else the OS user "
            + "(the four-eyes rule refuses them as approver of its model). Exit codes: "
            + "0 submitted, 2 bad input (e.g. missing gcp.* fields), 8 refused (wrong reviewer "
            + "token), 1 failed.")
final class SubmitCommand implements Callable<Integer> {
  @Option(
      names = "--profile",
      required = true,
      paramLabel = "gcp",
      description = "Where to run; only gcp (use recopipe run for the local profile).")
  String profile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Pipeline config (YAML), " + "layered over the shipped one.")
  Path config;

  @Option(names = "--set", paramLabel = "SECTION.KEY=VALUE", description = "An override.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(
      names = "--image",
      paramLabel = "REF",
      description =
          "The recopipe pipeline image, "
              + "pinned by digest (default: the one recopipe image push --profile gcp last pushed to the "
              + "gcp section's REPOSITORY/IMAGE"
              + VertexImages.PIPELINE_SUFFIX
              + ").")
  String image;

  @Mixin HomeOption home;

  @Option(
      names = "--job-id",
      paramLabel = "ID",
      description = "The job id (default: " + "movielens-mf-yyyyMMdd-HHmmss, UTC).")
  String jobId;

  @Mixin ReviewerToken reviewer;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ReviewException {
    VertexJob job = VertexJob.prepare(profile, config, set, image, home.resolve().root());
    String id = jobId == null ? JobIds.of(MovieLensMfPipeline.NAME, Instant.now()) : jobId;
    JobIds.require(id);
    String submittedBy = submitter();
    String name;
    try (VertexPipelines vertex = VertexPipelines.forConfig(job.gcp())) {
      name = vertex.submit(job.spec().json(), job.spec().parameterValues(submittedBy), id);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("submitted pipeline job " + name);
    out.println("submitted by " + submittedBy);
    out.println(
        "https://console.cloud.google.com/vertex-ai/locations/"
            + job.gcp().region()
            + "/pipelines/runs/"
            + id
            + "?project="
            + job.gcp().project());
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Who submits, as {@code run} resolves its starter ({@link Starter}); the home is opened only to
   * authenticate a given reviewer token.
   */
  private String submitter() throws ReviewException {
    if (reviewer.token().isEmpty()) {
      return Starter.withoutToken();
    }
    try (OpenHome opened = home.open()) {
      return Starter.of(reviewer, opened.review().reviewers());
    }
  }

  /** A validated gcp section and the spec compiled for it. */
  record VertexJob(GcpConfig gcp, VertexSpec spec) {
    /** Checks the profile and the gcp section (all fields at once), then compiles. */
    static VertexJob prepare(
        String profile, Path config, Map<String, String> set, String image, Path home) {
      if (!"gcp".equals(profile)) {
        throw new InvalidInputException(
            "--profile "
                + profile
                + ": only gcp submits to "
                + "Vertex AI (recopipe run runs locally)");
      }
      PipelineConfig resolved = VertexProfile.load(config, set, true);
      GcpConfig gcp = GcpConfig.from(resolved.values(), resolved.source());
      KfpOptions options =
          VertexProfile.options(
              KfpOptions.of(VertexImages.resolve(image, Optional.of(gcp), home)), gcp);
      return new VertexJob(
          gcp,
          VertexSpec.compile(
              MovieLensMfPipeline.definition(), VertexProfile.parameters(resolved), options));
    }
  }
}
