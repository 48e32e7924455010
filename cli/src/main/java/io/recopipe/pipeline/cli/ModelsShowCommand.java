package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.runner.LocalRunner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe models show V}: everything recorded about one version (bundle and hash, data
 * fingerprint, options, metrics, gate decision, approval), what a reviewer reads before deciding.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows one model version and its approval.")
final class ModelsShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "VERSION", description = "The registry version number.")
  int version;

  @Mixin PipelineOption pipelineOption;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ReviewException {
    String pipeline = pipelineOption.name;
    try (OpenHome opened = home.open()) {
      LocalRunner runner = opened.runner();
      ModelRegistry registry = opened.registry();
      RegisteredVersion v =
          registry
              .find(pipeline, version)
              .orElseThrow(
                  () ->
                      new ReviewException(
                          ReviewException.Kind.NOT_FOUND,
                          "no model version "
                              + ModelRegistry.subject(pipeline, version)
                              + " in "
                              + runner.home()));
      PrintWriter out = spec.commandLine().getOut();
      out.println(ModelRegistry.subject(pipeline, version) + ": " + v.status());
      out.println("run:              " + v.runId());
      out.println("model version:    " + v.modelVersion());
      out.println("bundle:           " + v.bundleUri() + " (sha256 " + v.bundleSha256() + ")");
      out.println("image:            " + v.imageUri().orElse("-"));
      out.println("data fingerprint: " + v.dataFingerprint());
      out.println("created:          " + v.createdAt());
      out.println("blessed:          " + v.blessed());
      out.println("options:          " + v.options());
      out.println("metrics:          " + v.metrics());
      out.println(
          "gate:             "
              + (v.gateDecision() == null ? "-" : v.gateDecision().replaceAll("\\s+", " ")));
      opened
          .review()
          .approvals()
          .find(pipeline, version)
          .ifPresent(a -> out.println("approval:         " + describe(a)));
      return ExitCodes.OK;
    }
  }

  static String describe(Approval a) {
    return a.state()
        + " (started by "
        + a.startedBy()
        + ", requested "
        + a.requestedAt()
        + ", expires "
        + a.expiresAt()
        + ")"
        + a.decidedBy()
            .map(
                by ->
                    "; decided by "
                        + by
                        + a.decidedAt().map(at -> " at " + at).orElse("")
                        + ": "
                        + a.comment().orElse(""))
            .orElse("");
  }
}
