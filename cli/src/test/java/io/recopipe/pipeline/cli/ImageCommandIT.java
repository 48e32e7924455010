package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.TarImage;
import io.recopipe.components.packaging.CliJvmFlags;
import io.recopipe.components.packaging.ImageConfig;
import io.recopipe.components.packaging.ImageDescription;
import io.recopipe.components.packaging.ImageTarball;
import io.recopipe.components.packaging.PackagingFixtures;
import io.recopipe.components.packaging.PipelineImage;
import io.recopipe.components.packaging.ServingDist;
import io.recopipe.infra.config.DemoGcpConfig;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline image as {@code image push} builds it from the shipped CLI jar and the built serving
 * dist, run the way a Vertex AI task runs it: its command, classpath and environment, from a
 * working directory outside the repository, without the launcher's variable; and {@code image push}
 * started with the launcher's class path shape.
 */
class ImageCommandIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path CLI_JAR = MODULE.resolve("target/recopipe-cli.jar");

  @TempDir Path dir;

  @Test
  void thePackageStepFindsTheServingDistTheImageCarries() throws Exception {
    assertTrue(Files.isRegularFile(CLI_JAR), "mvn package builds " + CLI_JAR);
    ServingDist dist = ServingDist.locate("test", null, Map.of(), MODULE);
    Path tar = dir.resolve("pipeline-image.tar");
    PipelineImage.image(CLI_JAR, dist, "scratch")
        .containerize(
            Containerizer.to(TarImage.at(tar).named("recopipe-pipeline:test"))
                .setBaseImageLayersCache(dir.resolve("cache/base"))
                .setApplicationLayersCache(dir.resolve("cache/app")));
    ImageTarball image = ImageTarball.open(tar);
    ImageConfig config = image.config();
    assertEquals(PipelineImage.COMMAND, config.entrypoint());
    assertEquals(List.of(ServingDist.ENV + "=" + PipelineImage.SERVING_DIST), config.env());
    assertEquals(2, image.layerCount());
    Path rootfs = dir.resolve("rootfs");
    image.extractTo(rootfs);
    Path carried = under(rootfs, PipelineImage.SERVING_DIST);
    assertTrue(Files.isRegularFile(carried.resolve(ServingDist.JAR)), carried.toString());
    try (var libs = Files.list(dist.directory().resolve("lib"));
        var copied = Files.list(carried.resolve("lib"))) {
      assertEquals(libs.count(), copied.count());
    }

    Path bundle = PackagingFixtures.bundle(dir.resolve("bundle"), 3);
    Path outside = Files.createDirectories(dir.resolve("task-working-dir"));
    assertTrue(ServingDist.findUpward(outside).isEmpty(), "no dist above " + outside);
    Child packaged = packageStep(config, rootfs, bundle, outside, true);
    assertEquals(0, packaged.code(), packaged.out());
    assertTrue(
        Files.isRegularFile(dir.resolve("image-env/" + ImageDescription.FILE)), packaged.out());

    // without the image's environment the same task fails as every blessed Vertex job did
    Child bare = packageStep(config, rootfs, bundle, outside, false);
    assertNotEquals(0, bare.code(), bare.out());
    assertTrue(bare.out().contains("no serving/target/dist was found above"), bare.out());
  }

  @Test
  void imagePushFindsItsJarOnTheLaunchersClassPath() throws Exception {
    assertTrue(Files.isRegularFile(CLI_JAR), "mvn package builds " + CLI_JAR);
    Path benchJar = dir.resolve("recopipe-bench.jar");
    try (OutputStream out = Files.newOutputStream(benchJar);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.finish();
    }
    List<String> command = java();
    // as ./recopipe starts the CLI: its flags, then the CLI jar and the bench jar
    command.addAll(List.of("-cp", CLI_JAR + File.pathSeparator + benchJar, PipelineImage.MAIN));
    command.addAll(
        List.of(
            "image",
            "push",
            "--profile",
            "gcp",
            "--home",
            dir.resolve("home").toString(),
            "--base",
            "scratch"));
    DemoGcpConfig.parameters()
        .forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder
        .environment()
        .put(ServingDist.ENV, ServingDist.findUpward(MODULE).orElseThrow().toString());
    // no credentials: the push stops at the credential check, after the jar and the dist were found
    builder
        .environment()
        .put("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("none.json").toString());
    Child pushed = run(builder);
    assertFalse(pushed.out().contains("--jar"), pushed.out());
    assertFalse(pushed.out().contains("serving_dist"), pushed.out());
    assertTrue(pushed.out().contains("the gcp profile found no Google credentials"), pushed.out());
  }

  private record Child(int code, String out) {}

  /**
   * Runs {@code component package} as the image's entrypoint would in a container whose root is
   * {@code rootfs}: the entrypoint's flags, its classpath and (when {@code imageEnv}) the image's
   * environment, their image paths read under {@code rootfs}.
   */
  private Child packageStep(
      ImageConfig config, Path rootfs, Path bundle, Path workingDir, boolean imageEnv)
      throws Exception {
    List<String> entrypoint = config.entrypoint();
    List<String> command = java();
    for (int i = 1; i < entrypoint.size(); i++) {
      String arg = entrypoint.get(i);
      if (entrypoint.get(i - 1).equals("-cp")) {
        List<String> entries = new ArrayList<>();
        for (String entry : arg.split(":")) {
          entries.add(under(rootfs, entry).toString());
        }
        arg = String.join(File.pathSeparator, entries);
      }
      command.add(arg);
    }
    String name = imageEnv ? "image-env" : "no-env";
    command.addAll(
        List.of(
            "component",
            "package",
            "--input",
            "model=" + bundle,
            "--output",
            "image=" + dir.resolve(name),
            "--work-dir",
            dir.resolve("work-" + name).toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    builder.environment().remove(ServingDist.ENV); // the launcher's variable
    if (imageEnv) {
      for (String variable : config.env()) {
        int eq = variable.indexOf('=');
        builder
            .environment()
            .put(variable.substring(0, eq), under(rootfs, variable.substring(eq + 1)).toString());
      }
    }
    return run(builder);
  }

  /** This machine's java with the CLI's JVM flags, as the image's {@code java} gets them. */
  private static List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(CliJvmFlags.FLAGS);
    return command;
  }

  /** {@code imagePath} (absolute in the image) inside the extracted {@code rootfs}. */
  private static Path under(Path rootfs, String imagePath) {
    return rootfs.resolve(imagePath.replaceFirst("^/", ""));
  }

  private Child run(ProcessBuilder builder) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "child", ".log");
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + Files.readString(log));
    }
    return new Child(process.exitValue(), Files.readString(log));
  }
}
