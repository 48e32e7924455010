package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.readers.ColumnRef;
import io.recopipe.components.readers.ColumnRole;
import io.recopipe.components.readers.DelimitedOptions;
import io.recopipe.components.readers.RatingScale;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generic-file options ({@code delimiter}, {@code header} and the BigQuery ML–style
 * {@code user_col}/{@code item_col}/{@code rating_col}/{@code timestamp_col}), kept apart from
 * MovieLens sources, which never need them; {@link #given()} says whether the user set any.
 * Columns not set are detected from the header by their common names.
 *
 * @param delimiter the field delimiter, when set
 * @param header    whether line 1 is a header, when set
 * @param user      the user column (name or 0-based position), when set
 * @param item      the item column, when set
 * @param rating    the rating column, when set
 * @param timestamp the timestamp column, when set
 * @param given     whether any of these was set explicitly
 */
record ColumnMapping(Optional<Character> delimiter, Optional<Boolean> header,
    Optional<String> user, Optional<String> item, Optional<String> rating,
    Optional<String> timestamp, boolean given) {

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
    return new ColumnMapping(delimiter, header, user, item, rating, timestamp, given);
  }

  /** The columns set explicitly, by role ({@code "2"} is a 0-based position). */
  Map<ColumnRole, ColumnRef> explicit() {
    Map<ColumnRole, ColumnRef> given = new EnumMap<>(ColumnRole.class);
    user.ifPresent(name -> given.put(ColumnRole.USER, ColumnRef.parse(name)));
    item.ifPresent(name -> given.put(ColumnRole.ITEM, ColumnRef.parse(name)));
    rating.ifPresent(name -> given.put(ColumnRole.RATING, ColumnRef.parse(name)));
    timestamp.ifPresent(name -> given.put(ColumnRole.TIMESTAMP, ColumnRef.parse(name)));
    return given;
  }

  /** The reader options for a delimited file (comma and header by default). */
  DelimitedOptions delimitedOptions(Optional<RatingScale> scale) {
    DelimitedOptions options = DelimitedOptions.delimitedBy(delimiter.orElse(','))
        .withHeader(header.orElse(true));
    for (Map.Entry<ColumnRole, ColumnRef> column : explicit().entrySet()) {
      options = switch (column.getKey()) {
        case USER -> options.withUserColumn(column.getValue());
        case ITEM -> options.withItemColumn(column.getValue());
        case RATING -> options.withRatingColumn(column.getValue());
        case TIMESTAMP -> options.withTimestampColumn(column.getValue());
      };
    }
    return scale.isPresent() ? options.withScale(scale.get()) : options;
  }
}
