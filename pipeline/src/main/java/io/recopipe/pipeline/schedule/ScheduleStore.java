package io.recopipe.pipeline.schedule;

import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the {@code schedules} table; every change is written together with its audit
 * entry, so the audit log and the schedules never disagree about who changed what.
 */
public final class ScheduleStore {
  private final MetadataStore store;

  /** Schedules in {@code store}. */
  public ScheduleStore(MetadataStore store) {
    this.store = store;
  }

  /** Validates and adds a schedule; its first firing is the first cron time after {@code now}. */
  public Schedule add(ScheduleRequest request, String actor, Instant now) {
    Schedule schedule = ScheduleValidator.validate(request, now, actor);
    return store.write(
        c -> {
          if (find(c, schedule.name()).isPresent()) {
            throw new ScheduleException("schedule " + schedule.name() + " already exists");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO schedules ("
                      + ScheduleRows.SCHEDULE_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            ps.setString(1, schedule.name());
            ps.setString(2, schedule.cron());
            ps.setString(3, schedule.zone().getId());
            ps.setString(4, schedule.overlap().label());
            ps.setString(5, schedule.catchUp().label());
            ps.setString(6, schedule.config().map(Path::toString).orElse(null));
            ps.setString(7, ScheduleRows.json(schedule.overrides()));
            ps.setString(8, ScheduleRows.time(now));
            ps.setString(9, actor);
            ps.setString(10, ScheduleRows.time(now));
            ps.executeUpdate();
          }
          AuditLog.append(
              c, now, actor, "schedule.add", subject(schedule.name()), detail(schedule));
          return schedule;
        });
  }

  /** Every schedule, by name. */
  public List<Schedule> list() {
    return store.read(
        c -> {
          List<Schedule> schedules = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + ScheduleRows.SCHEDULE_COLUMNS + " FROM schedules ORDER BY name");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              schedules.add(ScheduleRows.schedule(rs));
            }
          }
          return schedules;
        });
  }

  /** The schedule named {@code name}. */
  public Optional<Schedule> find(String name) {
    return store.read(c -> find(c, name));
  }

  /** Pauses {@code name}: it stops firing until resumed; pausing it again changes nothing. */
  public Schedule pause(String name, String actor, Instant now) {
    return change(name, actor, now, true);
  }

  /**
   * Resumes {@code name} from {@code now}: firing times that passed while it was paused are not
   * caught up (checked_until moves to now), so resuming never starts a burst of runs.
   */
  public Schedule resume(String name, String actor, Instant now) {
    return change(name, actor, now, false);
  }

  /** Removes {@code name}; its firing history stays. */
  public void remove(String name, String actor, Instant now) {
    store.write(
        c -> {
          Schedule schedule = require(c, name);
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM schedules WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
          }
          AuditLog.append(c, now, actor, "schedule.remove", subject(name), detail(schedule));
          return null;
        });
  }

  private Schedule change(String name, String actor, Instant now, boolean pause) {
    return store.write(
        c -> {
          if (require(c, name).paused() == pause) {
            return require(c, name);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE schedules SET paused = ?,"
                      + " checked_until = CASE WHEN ? THEN checked_until ELSE ? END WHERE name = ?")) {
            ps.setInt(1, pause ? 1 : 0);
            ps.setInt(2, pause ? 1 : 0);
            ps.setString(3, ScheduleRows.time(now));
            ps.setString(4, name);
            ps.executeUpdate();
          }
          AuditLog.append(
              c, now, actor, pause ? "schedule.pause" : "schedule.resume", subject(name), Map.of());
          return require(c, name);
        });
  }

  private static Schedule require(Connection c, String name) throws SQLException {
    return find(c, name).orElseThrow(() -> new ScheduleException("no schedule " + name));
  }

  private static Optional<Schedule> find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + ScheduleRows.SCHEDULE_COLUMNS + " FROM schedules WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(ScheduleRows.schedule(rs)) : Optional.empty();
      }
    }
  }

  private static String subject(String name) {
    return "schedule:" + name;
  }

  private static Map<String, String> detail(Schedule schedule) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("cron", schedule.cron());
    detail.put("zone", schedule.zone().getId());
    detail.put("overlap", schedule.overlap().label());
    detail.put("catch_up", schedule.catchUp().label());
    schedule.config().ifPresent(config -> detail.put("config", config.toString()));
    detail.put("overrides", ScheduleRows.json(schedule.overrides()));
    return detail;
  }
}
