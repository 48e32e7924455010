package io.recopipe.pipeline.cli;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.packaging.PipelineImage;
import io.recopipe.components.packaging.ServingDist;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.registry.ArtifactRegistryTarget;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.kfp.VertexImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe image push --profile gcp}: pushes this recopipe CLI and the serving dist its
 * package step builds serving images from as the pipeline image Vertex AI tasks run ({@code
 * IMAGE-pipeline:TAG} in the configured Artifact Registry repository), so {@code submit} has a
 * container whose code matches the spec it compiles.
 */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = "Pushes the recopipe pipeline image (what Vertex AI tasks run).",
    subcommands = ImageCommand.Push.class)
final class ImageCommand {

  /** The {@code push} subcommand. */
  @Command(
      name = "push",
      mixinStandardHelpOptions = true,
      description =
          "Pushes this CLI and the serving dist as IMAGE-pipeline:TAG to the gcp profile's"
              + " repository.")
  static final class Push implements Callable<Integer> {
    @Option(
        names = "--profile",
        required = true,
        paramLabel = "gcp",
        description = "Must be gcp: the image goes to the gcp section's Artifact Registry.")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", description = "Config with a gcp section.")
    Path config;

    @Option(names = "--set", paramLabel = "SECTION.KEY=VALUE", description = "Override one key.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--tag", defaultValue = "latest", description = "Tag (default: latest).")
    String tag;

    @Option(
        names = "--base",
        defaultValue = ArtifactRegistryTarget.DISTROLESS_JAVA17,
        description = "Java base image (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(
        names = "--jar",
        paramLabel = "PATH",
        description =
            "CLI jar to push (default: the jar this CLI runs from, "
                + CliJar.BUILT
                + " under ./recopipe).")
    Path jar;

    @Mixin HomeOption home;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!"gcp".equals(profile)) {
        throw new InvalidInputException(
            "--profile " + profile + ": images are pushed only " + "in the gcp profile");
      }
      PipelineConfig resolved = CompileCommand.load(config, set, true);
      GcpConfig gcp = GcpConfig.from(resolved.values(), resolved.source());
      Path cli = jar != null ? jar : CliJar.of(ImageCommand.class);
      ServingDist dist = servingDist();
      ProfileOption.credentials.require();
      String pinned =
          PipelineImage.push(
              cli,
              dist,
              ArtifactRegistryTarget.pipelineImage(gcp),
              tag,
              base,
              home.resolve().cache().resolve("jib"));
      VertexImages.recordPushed(home.resolve().root(), pinned);
      spec.commandLine()
          .getOut()
          .println(
              "pushed "
                  + pinned
                  + " (compile, submit and schedule "
                  + "add --profile gcp run it unless --image is given)");
      return ExitCodes.OK;
    }

    /**
     * The serving dist as the package step finds it ({@code RECOPIPE_SERVING_DIST}, which the
     * launcher sets, else {@code serving/target/dist} above the working directory).
     */
    private static ServingDist servingDist() {
      try {
        return ServingDist.locate(
            "image push", null, System.getenv(), Path.of("").toAbsolutePath());
      } catch (ComponentException e) {
        throw new InvalidInputException(e.getMessage(), e);
      }
    }
  }
}
