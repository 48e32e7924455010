package io.recopipe.components.ingest;

import io.recopipe.components.readers.ColumnRef;
import io.recopipe.components.readers.ColumnRole;
import io.recopipe.components.readers.DelimitedOptions;
import io.recopipe.components.readers.RatingScale;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generic-file options ({@code delimiter}, {@code header} and the BigQuery ML–style {@code
 * user_col}/{@code item_col}/{@code rating_col}/{@code timestamp_col}), kept apart from MovieLens
 * sources, which never need them; {@link #given()} says whether the user set any. Columns not set
 * are detected from the header by their common names.
 *
 * @param delimiter the field delimiter, when set
 * @param header whether line 1 is a header, when set
 * @param user the user column (name or 0-based position), when set
 * @param item the item column, when set
 * @param rating the rating column, when set
 * @param timestamp the timestamp column, when set
 * @param given whether any of these was set explicitly
 */
record ColumnMapping(
    Optional<Character> delimiter,
    Optional<Boolean> header,
    Optional<String> user,
    Optional<String> item,
    Optional<String> rating,
    Optional<String> timestamp,
    boolean given) {

  static final Option<Character> DELIMITER =
      Option.of(
          "delimiter",
          OptionType.choice("one character (or \\t)", ColumnMapping::delimiter, Object::toString),
          null,
          "the field delimiter; \\t or tab for a tab");
  static final Option<Boolean> HEADER =
      Option.of("header", OptionType.BOOLEAN, null, "whether line 1 is a header");
  static final List<String> COLUMNS =
      List.of("user_col", "item_col", "rating_col", "timestamp_col");

  /** Reads the mapping; {@code values} gives the delimiter as written (a tab is blank text). */
  static ColumnMapping parse(OptionReader reader, Map<String, String> values) {
    Optional<Character> delimiter =
        Optional.ofNullable(values.get(DELIMITER.name()))
            .filter(text -> !text.isEmpty())
            .flatMap(text -> reader.read(DELIMITER, text));
    Optional<Boolean> header = reader.find(HEADER);
    Optional<String> user = reader.text("user_col");
    Optional<String> item = reader.text("item_col");
    Optional<String> rating = reader.text("rating_col");
    Optional<String> timestamp = reader.text("timestamp_col");
    boolean given =
        delimiter.isPresent()
            || header.isPresent()
            || user.isPresent()
            || item.isPresent()
            || rating.isPresent()
            || timestamp.isPresent();
    return new ColumnMapping(delimiter, header, user, item, rating, timestamp, given);
  }

  private static Character delimiter(String text) {
    String value = text.equals("\\t") || text.equalsIgnoreCase("tab") ? "\t" : text;
    if (value.length() != 1 || value.equals("\"")) {
      throw new IllegalArgumentException(text);
    }
    return value.charAt(0);
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
    DelimitedOptions options =
        DelimitedOptions.delimitedBy(delimiter.orElse(',')).withHeader(header.orElse(true));
    for (Map.Entry<ColumnRole, ColumnRef> column : explicit().entrySet()) {
      options =
          switch (column.getKey()) {
            case USER -> options.withUserColumn(column.getValue());
            case ITEM -> options.withItemColumn(column.getValue());
            case RATING -> options.withRatingColumn(column.getValue());
            case TIMESTAMP -> options.withTimestampColumn(column.getValue());
          };
    }
    return scale.isPresent() ? options.withScale(scale.get()) : options;
  }
}
