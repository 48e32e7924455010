package io.recopipe.components.ingest;

import io.recopipe.components.readers.Catalog;
import io.recopipe.components.readers.Dataset;
import io.recopipe.components.readers.Movie;
import io.recopipe.components.readers.ReadNotes;
import io.recopipe.components.readers.ReaderReport;
import io.recopipe.components.readers.RejectedRow;
import io.recopipe.components.readers.User;
import io.recopipe.model.data.Ratings;
import java.util.List;
import java.util.Optional;

/**
 * What a source yielded, whatever its kind (MovieLens, delimited, Parquet, synthetic): the ratings,
 * any catalogs, the provenance the report records, the notices the step logs and the rows skipped
 * under {@code max_bad_records}.
 *
 * @param ratings the ratings, duplicates resolved
 * @param movies the movie catalog, when the source has one
 * @param users the user catalog, when the source has one
 * @param format the format read, e.g. {@code MovieLens 100K} or {@code parquet}
 * @param source where the data came from (path, URL or preset)
 * @param linesRead lines (or Parquet rows) read, header included
 * @param duplicatesResolved duplicate (user, item) rows dropped
 * @param notices one-line notices for the log, e.g. which columns were detected
 * @param rejected rows skipped under {@code max_bad_records}, in file order
 * @param hasTimestamps whether the ratings carry real timestamps (a latest split needs them)
 */
record IngestedData(
    Ratings ratings,
    Optional<Catalog<Movie>> movies,
    Optional<Catalog<User>> users,
    String format,
    String source,
    long linesRead,
    int duplicatesResolved,
    List<String> notices,
    List<RejectedRow> rejected,
    boolean hasTimestamps) {

  /** Copies the lists. */
  IngestedData {
    notices = List.copyOf(notices);
    rejected = List.copyOf(rejected);
  }

  /** The same data with {@code notice} added to the notices. */
  IngestedData withNotice(String notice) {
    List<String> more = new java.util.ArrayList<>(notices);
    more.add(notice);
    return new IngestedData(
        ratings,
        movies,
        users,
        format,
        source,
        linesRead,
        duplicatesResolved,
        more,
        rejected,
        hasTimestamps);
  }

  /** Adopts what one of the readers returned. */
  static IngestedData of(Dataset dataset, String source) {
    ReaderReport report = dataset.report();
    ReadNotes notes = dataset.notes();
    return new IngestedData(
        dataset.ratings(),
        dataset.movies(),
        dataset.users(),
        report.format().label(),
        source,
        report.linesRead(),
        report.duplicatesResolved(),
        notes.notices(),
        notes.rejected(),
        notes.timestamps());
  }

  /** Ratings without catalogs (synthetic and Parquet sources). */
  static IngestedData ratingsOnly(
      Ratings ratings,
      String format,
      String source,
      long linesRead,
      int duplicatesResolved,
      ReadNotes notes) {
    return new IngestedData(
        ratings,
        Optional.empty(),
        Optional.empty(),
        format,
        source,
        linesRead,
        duplicatesResolved,
        notes.notices(),
        notes.rejected(),
        notes.timestamps());
  }
}
