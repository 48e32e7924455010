package io.recopipe.components.api;

import java.nio.file.Path;

/**
 * The files of a {@link ArtifactType#DATASET} artifact, so ingest writes and every later step reads
 * the same names: tab-separated, no header, sorted deterministically so that the same input always
 * hashes the same (caching and resume depend on it).
 */
public final class DatasetLayout {
  /** All ratings: {@code user item rating timestamp}, sorted by user id then item id. */
  public static final String RATINGS = "ratings.tsv";

  /** The training split, same columns and order. */
  public static final String TRAIN = "train.tsv";

  /** The evaluation split, same columns and order. */
  public static final String EVAL = "eval.tsv";

  /** Movies, when the source has them: {@code item title genres} ({@code |}-separated genres). */
  public static final String MOVIES = "movies.tsv";

  /** Users, when the source has them: {@code user gender age occupation zip}. */
  public static final String USERS = "users.tsv";

  /**
   * The schema ingest decided (JSON): the files' columns and types, id kinds, rating range and
   * step, row counts, fingerprint; later steps read the ratings files by it.
   */
  public static final String SCHEMA = "schema.json";

  /** The validation report (JSON): rows, users, items, density, histogram, duplicates, rejects. */
  public static final String REPORT = "report.json";

  private DatasetLayout() {}

  /** The path of {@code file} inside dataset directory {@code dir}. */
  public static Path file(Path dir, String file) {
    return dir.resolve(file);
  }
}
