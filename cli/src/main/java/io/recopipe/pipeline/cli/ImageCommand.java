package io.recopipe.pipeline.cli;

import io.recopipe.components.packaging.PipelineImage;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.registry.ArtifactRegistryTarget;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.kfp.VertexImages;
import java.io.File;
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
 * {@code recopipe image push --profile gcp}: pushes this recopipe CLI as the pipeline image Vertex
 * AI tasks run ({@code IMAGE-pipeline:TAG} in the configured Artifact Registry repository), so
 * {@code submit} has a container whose code matches the spec it compiles.
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
      description = "Pushes this CLI as IMAGE-pipeline:TAG to the gcp profile's repository.")
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
            "CLI jar to push (default: the "
                + "jar this CLI runs from, pipeline/target/recopipe-cli.jar under ./recopipe).")
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
      ProfileOption.credentials.require();
      Path cli = jar != null ? jar : runningJar();
      String pinned =
          PipelineImage.push(
              cli,
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

    private static Path runningJar() {
      String classpath = System.getProperty("java.class.path", "");
      if (!classpath.endsWith(".jar") || classpath.contains(File.pathSeparator)) {
        throw new InvalidInputException(
            "this CLI does not run from one jar (classpath "
                + classpath.length()
                + " chars); pass --jar pipeline/target/recopipe-cli.jar");
      }
      return Path.of(classpath);
    }
  }
}
