package io.recopipe.components.ingest;

import io.recopipe.components.readers.Catalog;
import io.recopipe.components.readers.Dataset;
import io.recopipe.components.readers.Movie;
import io.recopipe.components.readers.ReaderReport;
import io.recopipe.components.readers.User;
import io.recopipe.model.data.Ratings;
import java.util.Optional;

/**
 * What a source yielded, whatever its kind (MovieLens, delimited, Parquet, synthetic): the
 * ratings, any catalogs, and the provenance the report records.
 *
 * @param ratings            the ratings, duplicates resolved
 * @param movies             the movie catalog, when the source has one
 * @param users              the user catalog, when the source has one
 * @param format             the format read, e.g. {@code MovieLens 100K} or {@code parquet}
 * @param source             where the data came from (path, URL or preset)
 * @param linesRead          lines (or Parquet rows) read, header included
 * @param duplicatesResolved duplicate (user, item) rows dropped
 */
record IngestedData(Ratings ratings, Optional<Catalog<Movie>> movies,
    Optional<Catalog<User>> users, String format, String source, long linesRead,
    int duplicatesResolved) {

  /** Adopts what one of the readers returned. */
  static IngestedData of(Dataset dataset, String source) {
    ReaderReport report = dataset.report();
    return new IngestedData(dataset.ratings(), dataset.movies(), dataset.users(),
        report.format().label(), source, report.linesRead(), report.duplicatesResolved());
  }

  /** Ratings without catalogs (synthetic and Parquet sources). */
  static IngestedData ratingsOnly(Ratings ratings, String format, String source, long linesRead,
      int duplicatesResolved) {
    return new IngestedData(ratings, Optional.empty(), Optional.empty(), format, source,
        linesRead, duplicatesResolved);
  }
}
