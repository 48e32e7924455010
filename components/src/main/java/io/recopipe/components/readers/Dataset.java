package io.recopipe.components.readers;

import io.recopipe.model.data.Ratings;
import java.util.Objects;
import java.util.Optional;

/**
 * A data set as read: the ratings, the movie and user catalogs when the source has them, and the
 * reader's report; one type for every format so the pipeline's ingest step need not care which.
 */
public final class Dataset {
  private final Ratings ratings;
  private final Catalog<Movie> movies;
  private final Catalog<User> users;
  private final ReaderReport report;
  private final ReadNotes notes;

  /** Creates a data set; {@code movies} and {@code users} may be null when absent. */
  public Dataset(
      Ratings ratings,
      Catalog<Movie> movies,
      Catalog<User> users,
      ReaderReport report,
      ReadNotes notes) {
    this.ratings = Objects.requireNonNull(ratings, "ratings");
    this.movies = movies;
    this.users = users;
    this.report = Objects.requireNonNull(report, "report");
    this.notes = Objects.requireNonNull(notes, "notes");
  }

  /** The ratings, duplicates resolved. */
  public Ratings ratings() {
    return ratings;
  }

  /** The movie catalog, when the source has one. */
  public Optional<Catalog<Movie>> movies() {
    return Optional.ofNullable(movies);
  }

  /** The user catalog, when the source has one. */
  public Optional<Catalog<User>> users() {
    return Optional.ofNullable(users);
  }

  /** What the reader did. */
  public ReaderReport report() {
    return report;
  }

  /** Notices, rows skipped under {@code max_bad_records}, and whether there are timestamps. */
  public ReadNotes notes() {
    return notes;
  }

  @Override
  public String toString() {
    return "Dataset[" + report.summary() + "]";
  }
}
