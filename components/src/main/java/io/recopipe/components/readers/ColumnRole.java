package io.recopipe.components.readers;

import java.util.Locale;
import java.util.Set;

/**
 * The four things a ratings row holds, each with the header names that mean it in common exports
 * (MovieLens, BigQuery ML tutorials, Amazon reviews, Yelp, Goodbooks, Last.fm), so a file with a
 * header is mapped without configuration. Names compare case-insensitively and ignoring {@code _},
 * {@code -}, spaces and dots: {@code user_id}, {@code userId} and {@code USER ID} are one name.
 */
public enum ColumnRole {
  /** Who rated. */
  USER(
      "user_id",
      "user_col",
      true,
      Set.of(
          "user",
          "userid",
          "uid",
          "users",
          "customer",
          "customerid",
          "visitor",
          "visitorid",
          "reviewer",
          "reviewerid",
          "member",
          "memberid",
          "accountid",
          "clientid",
          "viewerid",
          "buyerid")),
  /** What was rated. */
  ITEM(
      "item_id",
      "item_col",
      true,
      Set.of(
          "item",
          "itemid",
          "iid",
          "items",
          "movie",
          "movieid",
          "product",
          "productid",
          "asin",
          "parentasin",
          "sku",
          "isbn",
          "book",
          "bookid",
          "song",
          "songid",
          "track",
          "trackid",
          "artistid",
          "article",
          "articleid",
          "contentid",
          "video",
          "videoid",
          "game",
          "gameid",
          "animeid",
          "businessid",
          "recipeid")),
  /** The rating, score or implicit weight. */
  RATING(
      "rating",
      "rating_col",
      true,
      Set.of(
          "rating",
          "ratings",
          "score",
          "stars",
          "star",
          "value",
          "overall",
          "weight",
          "playcount",
          "plays",
          "sessionduration",
          "preference")),
  /** When, optional: without it duplicates keep the later line and only a random split works. */
  TIMESTAMP(
      "timestamp",
      "timestamp_col",
      false,
      Set.of(
          "timestamp",
          "ts",
          "time",
          "date",
          "datetime",
          "eventtime",
          "eventtimestamp",
          "eventdate",
          "unixreviewtime",
          "unixtime",
          "epoch",
          "createdat",
          "ratedat"));

  private final String tableColumn;
  private final String option;
  private final boolean required;
  private final Set<String> names;

  ColumnRole(String tableColumn, String option, boolean required, Set<String> names) {
    this.tableColumn = tableColumn;
    this.option = option;
    this.required = required;
    this.names = names;
  }

  /** The column's name in the warehouse tables, e.g. {@code user_id}. */
  public String tableColumn() {
    return tableColumn;
  }

  /** The ingest option that names this column, e.g. {@code user_col}. */
  public String option() {
    return option;
  }

  /** Whether a ratings file must have this column. */
  public boolean required() {
    return required;
  }

  /** Whether header {@code name} is one of this role's common names. */
  public boolean matches(String name) {
    return names.contains(normalize(name));
  }

  /** The role {@code name} is a common name of, or null. */
  static ColumnRole of(String name) {
    for (ColumnRole role : values()) {
      if (role.matches(name)) {
        return role;
      }
    }
    return null;
  }

  /** Lower case, letters and digits only. */
  static String normalize(String name) {
    StringBuilder key = new StringBuilder(name.length());
    for (int n = 0; n < name.length(); n++) {
      char c = name.charAt(n);
      if (Character.isLetterOrDigit(c)) {
        key.append(c);
      }
    }
    return key.toString().toLowerCase(Locale.ROOT);
  }
}
