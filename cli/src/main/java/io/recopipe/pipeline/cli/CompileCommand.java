package io.recopipe.pipeline.cli;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.config.ConfigValidator;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.kfp.KfpOptions;
import io.recopipe.pipeline.kfp.VertexImages;
import io.recopipe.pipeline.kfp.VertexSpec;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.nio.file.Path;
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
 * {@code recopipe compile --target vertex -o spec.json}: compiles the movielens-mf pipeline to a
 * KFP v2 spec for Vertex AI Pipelines, validated and written atomically, so the spec can be
 * reviewed, versioned or uploaded by other tools.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description =
        "Compiles the movielens-mf pipeline to a KFP v2 PipelineSpec (JSON) for "
            + "Vertex AI Pipelines. Exit codes: 0 written, 2 bad input.")
final class CompileCommand implements Callable<Integer> {
  @Option(
      names = "--target",
      required = true,
      paramLabel = "vertex",
      description = "The orchestrator to compile for; only vertex.")
  String target;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the spec (replaced atomically).")
  Path output;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Pipeline config (YAML) layered over the shipped one; the resulting values "
              + "become the parameters' defaults.")
  Path config;

  @Option(names = "--set", paramLabel = "SECTION.KEY=VALUE", description = "An override.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(
      names = "--image",
      paramLabel = "REF",
      description =
          "The recopipe pipeline image "
              + "tasks run, pinned by digest (default: the one recopipe image push --profile gcp last "
              + "pushed to the gcp section's REPOSITORY/IMAGE"
              + VertexImages.PIPELINE_SUFFIX
              + ").")
  String image;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!"vertex".equals(target)) {
      throw new InvalidInputException("--target " + target + ": only vertex is supported");
    }
    PipelineConfig resolved = VertexProfile.load(config, set, false);
    Optional<GcpConfig> gcp = optionalGcp(resolved);
    KfpOptions options = KfpOptions.of(VertexImages.resolve(image, gcp, home.resolve().root()));
    Map<String, String> parameters = resolved.values();
    if (gcp.isPresent()) {
      options = VertexProfile.options(options, gcp.get());
      parameters = VertexProfile.parameters(resolved);
    }
    VertexSpec compiled = VertexSpec.compile(MovieLensMfPipeline.definition(), parameters, options);
    compiled.writeTo(output);
    spec.commandLine()
        .getOut()
        .println(
            "wrote "
                + output
                + " ("
                + compiled.parameterValues().size()
                + " parameters, image "
                + options.image()
                + ")");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /**
   * The shipped config with {@code file} layered over it and {@code overrides} on top, all checked;
   * the gcp section's values are checked when {@code gcp} or when it has any key.
   */
  static PipelineConfig load(Path file, Map<String, String> overrides, boolean gcp) {
    PipelineConfig layered = PipelineConfig.layered(file, overrides);
    return new ConfigValidator(MovieLensMfPipeline.definition())
        .validate(layered, gcp || hasGcpKeys(layered));
  }

  /** The gcp section when it has any key; then it must be complete. */
  static Optional<GcpConfig> optionalGcp(PipelineConfig config) {
    return hasGcpKeys(config)
        ? Optional.of(GcpConfig.from(config.values(), config.source()))
        : Optional.empty();
  }

  /** Whether {@code config} has any key of the gcp section. */
  static boolean hasGcpKeys(PipelineConfig config) {
    return config.values().keySet().stream().anyMatch(k -> k.startsWith(GcpConfig.SECTION + "."));
  }
}
