package io.recopipe.components.dataset;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.error.InvalidInputException;
import java.util.Locale;

/**
 * Whether a data set's user (or item) ids are all canonical integers or arbitrary strings, decided
 * once at ingest so later steps, the warehouse and serving agree on the id type (an integer {@code
 * 42} in a request means the id {@code "42"} only when every id is a canonical integer).
 */
public enum IdKind {
  /** Every id is a canonical base-10 64-bit integer: no sign but '-', no leading zeros. */
  INTEGER("INT64"),
  /** Any other ids, e.g. {@code A3SGXH7AUHU8GW} or {@code 007}. */
  STRING("STRING");

  private final String columnType;

  IdKind(String columnType) {
    this.columnType = columnType;
  }

  /** The column type of ids of this kind, in BigQuery's names ({@code INT64} or {@code STRING}). */
  public String columnType() {
    return columnType;
  }

  /** The kind of the ids in {@code ids}: INTEGER when every one is canonical (and for none). */
  public static IdKind of(IdDictionary ids) {
    for (String id : ids.ids()) {
      if (!isCanonicalInteger(id)) {
        return STRING;
      }
    }
    return INTEGER;
  }

  /** The kind named {@code name} ({@code integer} or {@code string}, as schema.json spells it). */
  public static IdKind parse(String name) {
    for (IdKind kind : values()) {
      if (kind.jsonName().equals(name)) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "expected an id kind 'integer' or 'string', found '" + name + "'");
  }

  /** The name schema.json uses. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code id} is what {@link Long#toString(long)} writes for some long. */
  public static boolean isCanonicalInteger(String id) {
    int length = id.length();
    int start = length > 0 && id.charAt(0) == '-' ? 1 : 0;
    if (length == start || length - start > 19) {
      return false;
    }
    if (id.charAt(start) == '0') {
      return length == 1;
    }
    for (int n = start; n < length; n++) {
      char c = id.charAt(n);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (length - start < 19) {
      return true;
    }
    try {
      Long.parseLong(id);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
