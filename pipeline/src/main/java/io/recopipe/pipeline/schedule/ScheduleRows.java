package io.recopipe.pipeline.schedule;

import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.io.JsonInputException;
import io.recopipe.pipeline.metadata.Timestamps;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that maps {@code schedules} and {@code schedule_firings} rows to records
 * (timestamps as the store's fixed-width UTC text, so SQLite's text order is time order).
 */
final class ScheduleRows {
  static final String SCHEDULE_COLUMNS =
      "name, cron, zone, overlap, catch_up, config, overrides,"
          + " paused, created_at, created_by, checked_until";
  static final String FIRING_COLUMNS = "id, schedule, planned_at, at, outcome, reason, run_id";

  private ScheduleRows() {}

  static String time(Instant instant) {
    return Timestamps.format(instant);
  }

  static Instant instant(String text) {
    return Timestamps.parse(text);
  }

  static Schedule schedule(ResultSet rs) throws SQLException {
    String config = rs.getString("config");
    return new Schedule(
        rs.getString("name"),
        rs.getString("cron"),
        ZoneId.of(rs.getString("zone")),
        Overlap.valueOf(upper(rs.getString("overlap"))),
        CatchUp.valueOf(upper(rs.getString("catch_up"))),
        Optional.ofNullable(config).map(Path::of),
        overrides(rs.getString("overrides")),
        rs.getInt("paused") != 0,
        instant(rs.getString("created_at")),
        rs.getString("created_by"),
        instant(rs.getString("checked_until")));
  }

  static Firing firing(ResultSet rs) throws SQLException {
    return new Firing(
        rs.getLong("id"),
        rs.getString("schedule"),
        instant(rs.getString("planned_at")),
        instant(rs.getString("at")),
        FiringOutcome.valueOf(rs.getString("outcome")),
        rs.getString("reason"),
        rs.getString("run_id"));
  }

  static String json(Map<String, String> overrides) {
    return Json.compact(Json.valueOf(overrides));
  }

  private static Map<String, String> overrides(String json) throws SQLException {
    try {
      return new LinkedHashMap<>(JsonFields.texts(Json.parse(json)));
    } catch (JsonInputException e) {
      throw new SQLException("bad overrides JSON in schedules table: " + e.getMessage(), e);
    }
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
