package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run from an IMAGE artifact ({@code image.json}'s entrypoint: class path, main class,
 * bundle directory, digest), mapped into an unpacked root filesystem, because the local profile's
 * image has no base and its Java command must be run with the host's JRE.
 *
 * @param classPath container class path entries, e.g. {@code /app/recopipe-serving.jar}
 * @param mainClass the entrypoint's main class
 * @param bundle the container path of the model bundle, e.g. {@code /model}
 * @param digest the image digest, or "" when image.json has none
 * @param jvmOptions the entrypoint's JVM options other than the class path and module options: its
 *     class-data sharing options ({@code -XX:SharedArchiveFile=…}, {@code -Xshare:…}) and start-up
 *     options, which the local launch passes on as they are, so a local revision starts as the
 *     container does
 */
record ImageEntrypoint(
    List<String> classPath,
    String mainClass,
    String bundle,
    String digest,
    List<String> jvmOptions) {
  /** The image tarball inside an IMAGE artifact. */
  static final String TARBALL = "image.tar";

  /** The description inside an IMAGE artifact. */
  static final String DESCRIPTION = "image.json";

  /** The contract's entrypoint, used when image.json has none. */
  static final List<String> DEFAULT =
      List.of(
          "java",
          "-cp",
          "/app/recopipe-serving.jar:/app/lib/*",
          "io.recopipe.serving.ServingMain",
          "--bundle",
          "/model",
          "--port",
          "8080");

  /** Reads the entrypoint of the IMAGE artifact in {@code imageDir}. */
  static ImageEntrypoint read(Path imageDir) throws IOException {
    Path file = imageDir.resolve(DESCRIPTION);
    List<String> args = new ArrayList<>(DEFAULT);
    String digest = "";
    if (Files.isRegularFile(file)) {
      try {
        ObjectNode json = JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
        digest = JsonFields.string(json, "digest", "");
        if (json.has("entrypoint") && JsonFields.array(json, "entrypoint").size() > 0) {
          args.clear();
          for (JsonNode arg : JsonFields.array(json, "entrypoint")) {
            args.add(JsonFields.asString(arg));
          }
        }
      } catch (RuntimeException e) {
        throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return parse(args, digest);
  }

  /** JVM options whose value is a separate argument. */
  private static final java.util.Set<String> JVM_OPTIONS_WITH_VALUE =
      java.util.Set.of(
          "--add-modules",
          "--add-opens",
          "--add-exports",
          "--add-reads",
          "-p",
          "--module-path",
          "--upgrade-module-path",
          "--limit-modules");

  static ImageEntrypoint parse(List<String> args, String digest) throws IOException {
    List<String> classPath = List.of();
    String main = null;
    String bundle = "/model";
    List<String> jvmOptions = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (main == null) {
        if ((arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path"))
            && i + 1 < args.size()) {
          classPath = List.of(args.get(++i).split(":"));
        } else if (JVM_OPTIONS_WITH_VALUE.contains(arg) && i + 1 < args.size()) {
          i++; // e.g. --add-modules jdk.incubator.vector: the value is not the main class
        } else if (arg.startsWith("-X") || arg.startsWith("-D")) {
          jvmOptions.add(arg); // class data, start-up options
        } else if (!arg.startsWith("-")) {
          main = arg;
        }
      } else if (arg.equals("--bundle") && i + 1 < args.size()) {
        bundle = args.get(++i);
      }
    }
    if (main == null || classPath.isEmpty()) {
      throw new IOException(
          "the image's entrypoint "
              + args
              + " names no class path and main"
              + " class (expected java -cp … MainClass …)");
    }
    return new ImageEntrypoint(classPath, main, bundle, digest, List.copyOf(jvmOptions));
  }

  /**
   * Whether every class path entry is relative (to the image's working directory, its root): then a
   * launch from the unpacked root uses the class path exactly as the image's entrypoint spells it,
   * which a class-data archive dumped for that class path requires.
   */
  boolean relativeClassPath() {
    return classPath.stream().noneMatch(entry -> entry.startsWith("/"));
  }

  /**
   * The class path to launch with from {@code rootfs} as the working directory: as spelled when it
   * is {@link #relativeClassPath() relative}, else every entry moved under {@code rootfs}.
   */
  String launchClassPath(Path rootfs) {
    return relativeClassPath()
        ? String.join(java.io.File.pathSeparator, classPath)
        : hostClassPath(rootfs);
  }

  /** The class path with every entry moved under {@code rootfs}. */
  String hostClassPath(Path rootfs) {
    List<String> mapped = new ArrayList<>();
    for (String entry : classPath) {
      mapped.add(inRoot(rootfs, entry));
    }
    return String.join(java.io.File.pathSeparator, mapped);
  }

  /** The bundle directory under {@code rootfs}. */
  Path hostBundle(Path rootfs) {
    return Path.of(inRoot(rootfs, bundle));
  }

  private static String inRoot(Path rootfs, String containerPath) {
    String relative = containerPath.replaceFirst("^/+", "");
    return rootfs.toAbsolutePath() + "/" + relative;
  }
}
