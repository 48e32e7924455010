package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The serving container's layout in one place (app layers, paths, entrypoint, port, labels), so the
 * package step builds exactly what the deploy step and the contract expect.
 */
public final class ServingImage {
  /**
   * The dependencies layer's name ({@code lib/*.jar} → {@code /app/lib/}, and the native libraries
   * the dist unpacked from them, {@code native/*.so} → {@code /app/native/}).
   */
  public static final String DEPENDENCIES = "dependencies";

  /** The application layer's name ({@code recopipe-serving.jar} → {@code /app/}). */
  public static final String APPLICATION = "application";

  /** The model layer's name (the bundle → {@code /model/}). */
  public static final String MODEL = "model";

  /** The class-data archive layer's name (→ {@code /app/serving.jsa}), when there is one. */
  public static final String CLASS_DATA = "class-data";

  /** The layer name image.json gives to base image layers. */
  public static final String BASE = "base";

  /** The application directory in the container. */
  public static final String APP_DIR = "/app";

  /** The bundle directory in the container. */
  public static final String MODEL_DIR = "/model";

  /** The directory of the dist's unpacked native libraries, relative to the dist and to /app. */
  static final String NATIVE_DIR = "native";

  /**
   * The option that lets the server load its native libraries from the image: Netty looks on the
   * library path first and otherwise copies the library out of its jar into a temporary file, on
   * every start (relative to the working directory, the root, as the class path is).
   */
  static final String NATIVE_LIBRARY_PATH = "-Djava.library.path=app/" + NATIVE_DIR;

  /** The serving port. */
  public static final int PORT = 8080;

  /** The serving main class. */
  public static final String MAIN_CLASS = "io.recopipe.serving.ServingMain";

  /** Label: the model version ({@link ModelVersion}). */
  public static final String LABEL_MODEL_VERSION = "io.recopipe.model-version";

  /** Label: the model name the server answers to. */
  public static final String LABEL_MODEL_NAME = "io.recopipe.model-name";

  /** Label: the serving threads, collector and heap a Cloud Run revision of it gets. */
  public static final String LABEL_SERVING_SETTINGS = "io.recopipe.serving-settings";

  /**
   * JVM options that shorten the server's cold start without changing what it does. The class-data
   * archives (the JDK's and the image's) are mapped at the address they were dumped for instead of
   * a random one: relocating them writes to every page of both, about 0.1 s of a start (the JVMs of
   * Java 17's first updates mapped them so by default). And the method that feeds SHA-256 its
   * blocks is compiled early, so verifying the bundle runs on the CPU's SHA instructions instead of
   * the JIT spending a quarter of a second compiling the block function itself. The JIT otherwise
   * waits four times as long before compiling a method (the JDK's, Netty's, Jackson's, Logback's),
   * except recopipe's own and the Vector API's, which keep the usual thresholds: compiling what
   * runs only while the server starts took a fifth of a cold start's CPU time, while the request
   * path's library methods are compiled all the same under load, a few seconds later. Unknown
   * method names in the compile commands are ignored, silently.
   */
  public static final List<String> STARTUP_JVM_OPTIONS =
      List.of(
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:ArchiveRelocationMode=0",
          "-XX:CompileThresholdScaling=4",
          "-XX:CompileCommand=quiet",
          "-XX:CompileCommand=CompileThresholdScaling,io.recopipe.*::*,1.0",
          "-XX:CompileCommand=CompileThresholdScaling,jdk.incubator.vector.*::*,1.0",
          "-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.SHA2::implCompress,0.01");

  private ServingImage() {}

  /**
   * The entrypoint: the contract's, with the Vector API module added, the class path spelled out
   * jar by jar relative to the image's root (its working directory), when the image has a {@link
   * ClassDataArchive class-data archive} the options that use it, and the {@link
   * #STARTUP_JVM_OPTIONS start-up options}, the {@link #NATIVE_LIBRARY_PATH library path} when the
   * dist has native libraries; {@code --model-name} is appended only for a name other than the
   * default.
   */
  public static List<String> entrypoint(String modelName, ServingDist dist, boolean classData) {
    List<String> args = new ArrayList<>(List.of("java"));
    if (classData) {
      args.addAll(ClassDataArchive.JVM_OPTIONS);
    }
    args.addAll(STARTUP_JVM_OPTIONS);
    if (!nativeLibraries(dist).isEmpty()) {
      args.add(NATIVE_LIBRARY_PATH);
    }
    // The Vector API makes scoring ~7x faster; the server falls back to plain loops without it.
    args.addAll(
        List.of(
            "--add-modules",
            "jdk.incubator.vector",
            "-cp",
            String.join(":", ClassDataArchive.imageClassPath(dist)),
            MAIN_CLASS,
            "--bundle",
            MODEL_DIR,
            "--port",
            Integer.toString(PORT)));
    if (!modelName.equals(PackageSettings.DEFAULT_MODEL_NAME)) {
      args.addAll(List.of("--model-name", modelName));
    }
    return List.copyOf(args);
  }

  /**
   * The labels, in a fixed order; content-derived only (no run id or time), so the same bundle
   * gives the same image in any run or home. The registry records which run made the image.
   */
  public static Map<String, String> labels(String modelVersion, String modelName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL_MODEL_VERSION, modelVersion);
    labels.put(LABEL_MODEL_NAME, modelName);
    labels.put(LABEL_SERVING_SETTINGS, ServingResources.CLOUD_RUN_DEFAULT.describe());
    return labels;
  }

  /**
   * The app layers, in order: dependencies, application, the class-data archive when there is one,
   * and model (last, so a new model reuses every layer before it).
   */
  static List<FileEntriesLayer> layers(ServingDist dist, Path bundleDir, Optional<Path> archive)
      throws IOException {
    FileEntriesLayer.Builder deps = FileEntriesLayer.builder().setName(DEPENDENCIES);
    for (Path jar : dist.libs()) {
      deps.addEntry(jar, AbsoluteUnixPath.get(APP_DIR + "/lib/" + jar.getFileName()));
    }
    for (Path library : nativeLibraries(dist)) {
      deps.addEntry(
          library, AbsoluteUnixPath.get(APP_DIR + "/" + NATIVE_DIR + "/" + library.getFileName()));
    }
    FileEntriesLayer app =
        FileEntriesLayer.builder()
            .setName(APPLICATION)
            .addEntry(dist.jar(), AbsoluteUnixPath.get(APP_DIR + "/" + ServingDist.JAR))
            .build();
    FileEntriesLayer.Builder model = FileEntriesLayer.builder().setName(MODEL);
    Path root = bundleDir.toAbsolutePath().normalize();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        model.addEntry(file, AbsoluteUnixPath.get(MODEL_DIR + "/" + relative));
      }
    }
    List<FileEntriesLayer> layers = new ArrayList<>(List.of(deps.build(), app));
    archive.ifPresent(
        file ->
            layers.add(
                FileEntriesLayer.builder()
                    .setName(CLASS_DATA)
                    .addEntry(file, AbsoluteUnixPath.get("/" + ClassDataArchive.IMAGE_PATH))
                    .build()));
    layers.add(model.build());
    return List.copyOf(layers);
  }

  /** The native libraries the dist unpacked ({@code native/*.so}), by name; none if absent. */
  static List<Path> nativeLibraries(ServingDist dist) {
    Path dir = dist.directory().resolve(NATIVE_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".so"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of(); // the server then extracts them from their jars, as it can
    }
  }

  /** The names of {@code layers}, in order. */
  static List<String> names(List<FileEntriesLayer> layers) {
    return layers.stream().map(FileEntriesLayer::getName).toList();
  }
}
