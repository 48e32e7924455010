package io.recopipe.components.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one directory that holds all of recopipe's state (warehouse, metadata store, artifacts,
 * download cache), chosen by {@code --home}, else {@code RECOPIPE_HOME}, else {@code .recopipe/}
 * in the working directory, as MLflow keeps {@code mlruns/}; nothing is written outside it, so
 * two homes never interfere.
 */
public final class RecopipeHome {
  /** The environment variable naming the home. */
  public static final String ENVIRONMENT_VARIABLE = "RECOPIPE_HOME";
  /** The default home, relative to the working directory. */
  public static final String DEFAULT_DIRECTORY = ".recopipe";

  private final Path root;

  private RecopipeHome(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The home at {@code root}. */
  public static RecopipeHome at(Path root) {
    return new RecopipeHome(root);
  }

  /**
   * Resolves the home: the {@code --home} option when given, else {@code RECOPIPE_HOME} from
   * {@code environment} when set and not blank, else {@code .recopipe} under
   * {@code workingDirectory}; relative paths are taken from {@code workingDirectory}.
   */
  public static RecopipeHome resolve(Optional<String> option, Map<String, String> environment,
      Path workingDirectory) {
    String chosen = option.filter(text -> !text.isBlank())
        .orElseGet(() -> Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE))
            .filter(text -> !text.isBlank()).orElse(DEFAULT_DIRECTORY));
    return new RecopipeHome(workingDirectory.resolve(chosen.strip()));
  }

  /** Resolves the home from {@code --home}, the process environment and the working directory. */
  public static RecopipeHome resolve(Optional<String> option) {
    return resolve(option, System.getenv(), Path.of(""));
  }

  /** The home directory itself. */
  public Path root() {
    return root;
  }

  /** The DuckDB warehouse file. */
  public Path warehouse() {
    return root.resolve("warehouse.duckdb");
  }

  /** The SQLite metadata store (runs, steps, artifacts, lineage). */
  public Path metadataStore() {
    return root.resolve("metadata.sqlite");
  }

  /** The artifact store directory. */
  public Path artifacts() {
    return root.resolve("artifacts");
  }

  /** The cache shared across runs ({@code downloads/} lives here). */
  public Path cache() {
    return root.resolve("cache");
  }

  /** Creates the home's directories if missing and returns this home. */
  public RecopipeHome create() throws IOException {
    Files.createDirectories(artifacts());
    Files.createDirectories(cache());
    return this;
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
