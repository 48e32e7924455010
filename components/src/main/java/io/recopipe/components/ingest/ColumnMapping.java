package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.readers.DelimitedOptions;
import io.recopipe.components.readers.RatingScale;
import java.util.Optional;

/**
 * The generic-file options ({@code delimiter}, {@code header} and the BigQuery ML–style
 * {@code user_col}/{@code item_col}/{@code rating_col}/{@code timestamp_col}), kept apart from
 * MovieLens sources, which never need them; {@link #given()} says whether the user set any.
 *
 * @param delimiter the field delimiter, when set
 * @param header    whether line 1 is a header, when set
 * @param user      the user column (name or 0-based position)
 * @param item      the item column
 * @param rating    the rating column
 * @param timestamp the timestamp column, when there is one
 * @param given     whether any of these was set explicitly
 */
record ColumnMapping(Optional<Character> delimiter, Optional<Boolean> header, String user,
    String item, String rating, Optional<String> timestamp, boolean given) {

  static ColumnMapping parse(Parameters parameters) throws ComponentException {
    Optional<Character> delimiter = Optional.empty();
    Optional<String> text = parameters.raw("delimiter");
    if (text.isPresent()) {
      String value = text.get();
      if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
        value = "\t";
      }
      if (value.length() != 1 || value.equals("\"")) {
        throw new ComponentException("ingest.delimiter: expected one character (or \\t), found '"
            + text.get() + "'");
      }
      delimiter = Optional.of(value.charAt(0));
    }
    Optional<Boolean> header = parameters.bool("header");
    Optional<String> user = parameters.text("user_col");
    Optional<String> item = parameters.text("item_col");
    Optional<String> rating = parameters.text("rating_col");
    Optional<String> timestamp = parameters.text("timestamp_col");
    boolean given = delimiter.isPresent() || header.isPresent() || user.isPresent()
        || item.isPresent() || rating.isPresent() || timestamp.isPresent();
    return new ColumnMapping(delimiter, header, user.orElse("user"), item.orElse("item"),
        rating.orElse("rating"), timestamp, given);
  }

  /** The reader options for a delimited file (comma and header by default). */
  DelimitedOptions delimitedOptions(Optional<RatingScale> scale) {
    DelimitedOptions options = DelimitedOptions.delimitedBy(delimiter.orElse(','))
        .withHeader(header.orElse(true)).withUserColumn(user).withItemColumn(item)
        .withRatingColumn(rating);
    if (timestamp.isPresent()) {
      options = options.withTimestampColumn(timestamp.get());
    }
    return scale.isPresent() ? options.withScale(scale.get()) : options;
  }
}
