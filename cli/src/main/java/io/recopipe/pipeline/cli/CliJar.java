package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The jar a CLI class was loaded from, so {@code image push} pushes the CLI that is running however
 * it was started: the launcher puts the bench jar beside it on the class path, so the class path
 * itself names more than the CLI.
 */
final class CliJar {
  /** Where the build writes the shipped CLI jar, relative to the project root. */
  static final String BUILT = "cli/target/recopipe-cli.jar";

  private CliJar() {}

  /**
   * The jar holding {@code type}.
   *
   * @throws InvalidInputException when {@code type} was not loaded from a jar (a build's class
   *     directory), naming the jar to pass instead
   */
  static Path of(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    Path location = null;
    try {
      location = source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      location = null;
    }
    if (location == null || !Files.isRegularFile(location)) {
      throw new InvalidInputException(
          "this CLI does not run from its jar ("
              + (location == null ? "no code source" : "classes in " + location)
              + "); build the jar with mvn -DskipTests package and pass --jar "
              + BUILT);
    }
    return location;
  }
}
