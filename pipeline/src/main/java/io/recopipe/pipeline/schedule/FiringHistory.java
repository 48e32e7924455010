package io.recopipe.pipeline.schedule;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the {@code schedule_firings} table: the scheduler records each tick's firings
 * and moves the schedule's {@code checked_until} in one transaction, so a crash between the two can
 * neither lose a firing's row nor make a firing time count twice.
 */
public final class FiringHistory {
  private final MetadataStore store;

  /** The firing history in {@code store}. */
  public FiringHistory(MetadataStore store) {
    this.store = store;
  }

  /**
   * Appends {@code firings} (their ids are ignored) of schedule {@code name} and marks its firing
   * times up to {@code checkedUntil} as handled.
   */
  public void record(String name, List<Firing> firings, Instant checkedUntil) {
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO schedule_firings (schedule,"
                      + " planned_at, at, outcome, reason, run_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Firing firing : firings) {
              ps.setString(1, name);
              ps.setString(2, ScheduleRows.time(firing.plannedAt()));
              ps.setString(3, ScheduleRows.time(firing.at()));
              ps.setString(4, firing.outcome().name());
              ps.setString(5, firing.reason());
              ps.setString(6, firing.runId());
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE schedules SET checked_until = ? WHERE name = ? AND paused = 0")) {
            ps.setString(1, ScheduleRows.time(checkedUntil));
            ps.setString(2, name);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The latest {@code limit} firings of schedule {@code name}, newest first. */
  public List<Firing> of(String name, int limit) {
    return store.read(
        c -> {
          List<Firing> firings = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + ScheduleRows.FIRING_COLUMNS
                      + " FROM schedule_firings WHERE schedule = ? ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, name);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                firings.add(ScheduleRows.firing(rs));
              }
            }
          }
          return firings;
        });
  }
}
