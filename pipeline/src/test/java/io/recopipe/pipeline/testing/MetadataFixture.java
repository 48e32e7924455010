package io.recopipe.pipeline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A home's metadata database (and the audit files beside it) kept as a test resource exactly as a
 * release left it, so that today's store is held to opening, upgrading and reading every schema a
 * home may still have (resources under {@code io/recopipe/pipeline/metadata/compat/}).
 *
 * <p>How each was made, on 2026-12-03, by the real CLI of the commit named, built from {@code git
 * archive} (schemas 1 and 2 cannot be written by today's code, which creates schema 6 and upgrades
 * whatever it opens), deploy disabled, on a synthetic 480-rating CSV of 40 users and 25 items:
 * {@link #SCHEMA_1} by 307b14d (the last commit with schema 1): two successful runs (Gibbs, 3
 * factors, seeds 42 and 43) and one FAILED run (a bad option); {@link #SCHEMA_2} by 0c60a91 (the
 * last commit with schema 2): reviewers alice and bob, run 1 auto-promoted, run 2 under {@code
 * promotion.policy=review} approved by bob, run 3 rejected by alice, schedule {@code nightly};
 * {@link #SCHEMA_6} by 6329e23 (today's): the same story (bob added by admin alice), then {@code gc
 * --keep-runs 2}, which marked 9 artifacts of the first run removed.
 *
 * @param directory the resource directory under {@code io/recopipe/pipeline/metadata/compat/}
 * @param files its files: {@code metadata.db} and, from schema 2 on, the audit head copy; from
 *     schema 4 on also the home's audit key
 */
public record MetadataFixture(String directory, List<String> files) {
  /** The database file's name in a home. */
  public static final String DATABASE = "metadata.db";

  /** Written by 307b14d: runs, executions, artifacts, lineage, metrics. */
  public static final MetadataFixture SCHEMA_1 =
      new MetadataFixture("schema-v1", List.of(DATABASE));

  /** Written by 0c60a91: adds registry, approvals, reviewers, audit log, schedules. */
  public static final MetadataFixture SCHEMA_2 =
      new MetadataFixture("schema-v2", List.of(DATABASE, "metadata.db.audit-head"));

  /** Written by 6329e23: adds settings (sealed audit head), journals, removed artifacts. */
  public static final MetadataFixture SCHEMA_6 =
      new MetadataFixture("schema-v6", List.of(DATABASE, "metadata.db.audit-head", "audit.key"));

  private static final String ROOT = "/io/recopipe/pipeline/metadata/compat/";

  /** Every fixture, oldest first. */
  public static List<MetadataFixture> all() {
    return List.of(SCHEMA_1, SCHEMA_2, SCHEMA_6);
  }

  /**
   * Copies the fixture's files into {@code home} (created if needed) and returns the database's
   * path there; tests open the copy, never the resource, since opening upgrades it.
   */
  public Path copyTo(Path home) throws IOException {
    Files.createDirectories(home);
    for (String file : files) {
      try (InputStream in =
          MetadataFixture.class.getResourceAsStream(ROOT + directory + "/" + file)) {
        if (in == null) {
          throw new IOException("missing test resource " + ROOT + directory + "/" + file);
        }
        Files.copy(in, home.resolve(file));
      }
    }
    return home.resolve(DATABASE);
  }

  @Override
  public String toString() {
    return directory;
  }
}
