package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to read a generic delimited ratings file: delimiter, header, BigQuery ML–style column mapping
 * (any column not given is detected from the header by {@link ColumnDetector}, or is position 0, 1,
 * 2 without one), an optional timestamp column, the rating scale and the charset; immutable, each
 * {@code with…} returns a copy.
 */
public final class DelimitedOptions {
  private final char delimiter;
  private final boolean header;
  private final ColumnRef user;
  private final ColumnRef item;
  private final ColumnRef rating;
  private final ColumnRef timestamp;
  private final RatingScale scale;
  private final Charset charset;

  private DelimitedOptions(
      char delimiter,
      boolean header,
      ColumnRef user,
      ColumnRef item,
      ColumnRef rating,
      ColumnRef timestamp,
      RatingScale scale,
      Charset charset) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new InvalidInputException("the delimiter cannot be a quote or a line break");
    }
    this.delimiter = delimiter;
    this.header = header;
    this.user = user;
    this.item = item;
    this.rating = rating;
    this.timestamp = timestamp;
    this.scale = Objects.requireNonNull(scale, "scale");
    this.charset = Objects.requireNonNull(charset, "charset");
  }

  /** Comma-separated with a header whose columns are detected by name. */
  public static DelimitedOptions csv() {
    return delimitedBy(',');
  }

  /** Tab-separated with a header whose columns are detected by name. */
  public static DelimitedOptions tsv() {
    return delimitedBy('\t');
  }

  /** Separated by {@code delimiter}, with a header whose columns are detected by name. */
  public static DelimitedOptions delimitedBy(char delimiter) {
    return new DelimitedOptions(
        delimiter, true, null, null, null, null, RatingScale.ANY_FINITE, StandardCharsets.UTF_8);
  }

  /**
   * Whether line 1 is a header. Without one, columns are 0-based positions: user 0, item 1, rating
   * 2 unless given, and no timestamp unless given.
   */
  public DelimitedOptions withHeader(boolean hasHeader) {
    return new DelimitedOptions(
        delimiter, hasHeader, user, item, rating, timestamp, scale, charset);
  }

  /** The user column ({@code user_col}); digits mean a 0-based position. */
  public DelimitedOptions withUserColumn(String column) {
    return withUserColumn(ColumnRef.parse(column));
  }

  /** The user column ({@code user_col}). */
  public DelimitedOptions withUserColumn(ColumnRef column) {
    return new DelimitedOptions(delimiter, header, column, item, rating, timestamp, scale, charset);
  }

  /** The item column ({@code item_col}); digits mean a 0-based position. */
  public DelimitedOptions withItemColumn(String column) {
    return withItemColumn(ColumnRef.parse(column));
  }

  /** The item column ({@code item_col}). */
  public DelimitedOptions withItemColumn(ColumnRef column) {
    return new DelimitedOptions(delimiter, header, user, column, rating, timestamp, scale, charset);
  }

  /** The rating column ({@code rating_col}); digits mean a 0-based position. */
  public DelimitedOptions withRatingColumn(String column) {
    return withRatingColumn(ColumnRef.parse(column));
  }

  /** The rating column ({@code rating_col}). */
  public DelimitedOptions withRatingColumn(ColumnRef column) {
    return new DelimitedOptions(delimiter, header, user, item, column, timestamp, scale, charset);
  }

  /** The timestamp column (epoch seconds or ISO-8601); digits mean a 0-based position. */
  public DelimitedOptions withTimestampColumn(String column) {
    return withTimestampColumn(ColumnRef.parse(column));
  }

  /**
   * The timestamp column; null detects it by name in a header, and means none without a header
   * (duplicates then keep the later line).
   */
  public DelimitedOptions withTimestampColumn(ColumnRef column) {
    return new DelimitedOptions(delimiter, header, user, item, rating, column, scale, charset);
  }

  /** The declared rating scale; ratings outside it fail the read. */
  public DelimitedOptions withScale(RatingScale ratingScale) {
    return new DelimitedOptions(
        delimiter, header, user, item, rating, timestamp, ratingScale, charset);
  }

  /** The file's charset (UTF-8 by default). */
  public DelimitedOptions withCharset(Charset fileCharset) {
    return new DelimitedOptions(
        delimiter, header, user, item, rating, timestamp, scale, fileCharset);
  }

  public char delimiter() {
    return delimiter;
  }

  public boolean header() {
    return header;
  }

  /** The user column, or null to detect it. */
  public ColumnRef userColumn() {
    return user;
  }

  /** The item column, or null to detect it. */
  public ColumnRef itemColumn() {
    return item;
  }

  /** The rating column, or null to detect it. */
  public ColumnRef ratingColumn() {
    return rating;
  }

  /** The timestamp column, or null (see {@link #withTimestampColumn(ColumnRef)}). */
  public ColumnRef timestampColumn() {
    return timestamp;
  }

  /** The columns given explicitly, by role. */
  public Map<ColumnRole, ColumnRef> explicitColumns() {
    Map<ColumnRole, ColumnRef> given = new EnumMap<>(ColumnRole.class);
    ColumnRef[] refs = {user, item, rating, timestamp};
    for (ColumnRole role : ColumnRole.values()) {
      if (refs[role.ordinal()] != null) {
        given.put(role, refs[role.ordinal()]);
      }
    }
    return given;
  }

  public RatingScale scale() {
    return scale;
  }

  public Charset charset() {
    return charset;
  }

  @Override
  public String toString() {
    return "DelimitedOptions[delimiter="
        + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter))
        + ", header="
        + header
        + ", user_col="
        + shown(user)
        + ", item_col="
        + shown(item)
        + ", rating_col="
        + shown(rating)
        + ", timestamp_col="
        + shown(timestamp)
        + ", scale="
        + scale
        + ", charset="
        + charset
        + "]";
  }

  private static String shown(ColumnRef column) {
    return column == null ? "detect" : column.toString();
  }
}
