package io.recopipe.components.readers;

/** The file layouts the readers understand, kept in the report so provenance says what was read. */
public enum DatasetFormat {
  /** MovieLens 100K: tab-separated {@code u.data} and split files, {@code |}-separated catalogs. */
  MOVIELENS_100K("MovieLens 100K"),
  /** MovieLens 1M and 10M: {@code ::}-separated {@code .dat} files. */
  MOVIELENS_DAT("MovieLens 1M/10M (.dat)"),
  /** MovieLens 20M, 25M and latest: {@code ratings.csv} and {@code movies.csv} with headers. */
  MOVIELENS_CSV("MovieLens 20M/25M/latest (.csv)"),
  /** Any delimited file with a column mapping, as BigQuery ML's user_col/item_col/rating_col. */
  DELIMITED("delimited");

  private final String label;

  DatasetFormat(String label) {
    this.label = label;
  }

  /** A human-readable name for reports and log lines. */
  public String label() {
    return label;
  }
}
