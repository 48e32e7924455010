package io.recopipe.components.packaging;

import io.recopipe.components.api.ComponentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The serving application's files ({@code recopipe-serving.jar} and {@code lib/*.jar}, from {@code
 * mvn package} of the serving module), found and checked before an image is built.
 *
 * @param directory the dist directory
 * @param jar the application jar
 * @param libs the dependency jars, sorted by name
 */
public record ServingDist(Path directory, Path jar, List<Path> libs) {
  /** The parameter name. */
  public static final String PARAMETER = "serving_dist";

  /** The environment variable consulted when the parameter is unset. */
  public static final String ENV = "RECOPIPE_SERVING_DIST";

  /** The application jar's name. */
  public static final String JAR = "recopipe-serving.jar";

  /** Where the serving module's build puts the dist, relative to the project root. */
  public static final Path BUILD_OUTPUT = Path.of("serving", "target", "dist");

  /** Copies the list. */
  public ServingDist {
    libs = List.copyOf(libs);
  }

  /**
   * Resolves the dist: {@code parameter} when set, else env {@link #ENV}, else the first {@code
   * serving/target/dist} found walking up from {@code workingDir}.
   */
  public static ServingDist locate(
      String step, String parameter, Map<String, String> env, Path workingDir)
      throws ComponentException {
    if (parameter != null && !parameter.isBlank()) {
      return check(step, "parameter " + PARAMETER, Path.of(parameter.trim()));
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return check(step, "env " + ENV, Path.of(fromEnv.trim()));
    }
    java.util.Optional<Path> found = findUpward(workingDir);
    if (found.isEmpty()) {
      throw new ComponentException(
          step
              + ": parameter "
              + PARAMETER
              + " is unset and no "
              + "serving/target/dist was found above "
              + workingDir.toAbsolutePath()
              + " (run 'mvn package' in serving, or set "
              + PARAMETER
              + " or "
              + ENV
              + ")");
    }
    return check(step, "found dist", found.get());
  }

  /** The first {@code serving/target/dist} directory at or above {@code start}. */
  public static java.util.Optional<Path> findUpward(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(BUILD_OUTPUT);
      if (Files.isRegularFile(candidate.resolve(JAR))) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  private static ServingDist check(String step, String source, Path dir) throws ComponentException {
    Path abs = dir.toAbsolutePath().normalize();
    String where = step + ": " + source + ": " + abs;
    if (!Files.isDirectory(abs)) {
      throw new ComponentException(where + " is not a directory");
    }
    Path jar = abs.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new ComponentException(where + " has no " + JAR + " (run 'mvn package' in serving)");
    }
    Path lib = abs.resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new ComponentException(where + " has no lib/ directory");
    }
    try (Stream<Path> files = Files.list(lib)) {
      List<Path> jars =
          files
              .filter(p -> p.getFileName().toString().endsWith(".jar"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
      return new ServingDist(abs, jar, jars);
    } catch (IOException e) {
      throw new ComponentException(where + ": cannot list lib/: " + e.getMessage(), e);
    }
  }
}
