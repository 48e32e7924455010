package io.recopipe.pipeline.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one directory holding all of recopipe's state (metadata, warehouse, artifacts, download
 * cache), so that a user can find, back up or delete it as a whole and two homes never interfere.
 *
 * <p>It also holds {@code audit.key}, the owner-only key that seals the audit log's head (see
 * {@code AuditHeadFile}): back it up with the home, and keep it readable only by its owner.
 *
 * <p>Resolution order: an explicit {@code --home DIR}, else the {@code RECOPIPE_HOME} environment
 * variable, else {@code .recopipe/} in the working directory (as MLflow keeps {@code mlruns/}).
 */
public final class RecopipeHome {
  /** The environment variable naming the home directory. */
  public static final String ENV = "RECOPIPE_HOME";

  /** The home used when neither {@code --home} nor {@link #ENV} is given. */
  public static final String DEFAULT_DIRECTORY = ".recopipe";

  private final Path root;

  private RecopipeHome(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The home at {@code root} (created on first use by {@link #create()}). */
  public static RecopipeHome at(Path root) {
    return new RecopipeHome(root);
  }

  /**
   * Resolves the home from an explicit directory (may be null), the environment and the working
   * directory, in that order.
   */
  public static RecopipeHome resolve(
      Path explicit, Map<String, String> environment, Path workingDir) {
    if (explicit != null) {
      return at(explicit);
    }
    String fromEnv = environment.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return at(Path.of(fromEnv));
    }
    return at(workingDir.resolve(DEFAULT_DIRECTORY));
  }

  /** Resolves the home from {@code explicit}, the process environment and the working directory. */
  public static RecopipeHome resolve(Path explicit) {
    return resolve(explicit, System.getenv(), Path.of(""));
  }

  /** Creates the home and its subdirectories if missing; returns this. */
  public RecopipeHome create() {
    try {
      Files.createDirectories(artifacts());
      Files.createDirectories(cache());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create recopipe home " + root + ": " + e.getMessage(), e);
    }
  }

  /** The home directory itself. */
  public Path root() {
    return root;
  }

  /** The SQLite metadata store. */
  public Path metadataDb() {
    return root.resolve("metadata.db");
  }

  /** The DuckDB warehouse file. */
  public Path warehouseDb() {
    return root.resolve("warehouse.duckdb");
  }

  /** The artifact store's root. */
  public Path artifacts() {
    return root.resolve("artifacts");
  }

  /** Downloads and other caches shared across runs. */
  public Path cache() {
    return root.resolve("cache");
  }

  /** Where local serving revisions and the endpoint registry live. */
  public Path serving() {
    return root().resolve("serving");
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
