package io.recopipe.pipeline.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Cron expressions in the one flavour recopipe accepts, UNIX 5-field ({@code minute hour
 * day-of-month month day-of-week}, as in crontab), read in a schedule's time zone by cron-utils,
 * which also handles daylight-saving changes; one flavour so an expression means one thing.
 */
public final class CronTimes {
  /** Past this many firing times in one window the count is reported as "more than". */
  static final int COUNT_LIMIT = 100_000;

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime times;
  private final ZoneId zone;

  private CronTimes(ExecutionTime times, ZoneId zone) {
    this.times = times;
    this.zone = zone;
  }

  /** The times of {@code cron} in {@code zone}; IllegalArgumentException unless UNIX cron. */
  public static CronTimes of(String cron, ZoneId zone) {
    Cron parsed = PARSER.parse(cron).validate();
    return new CronTimes(ExecutionTime.forCron(parsed), zone);
  }

  /** The first firing time strictly after {@code after}, if the expression ever fires again. */
  public Optional<Instant> next(Instant after) {
    return times.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
  }

  /** The firing times in {@code (after, upTo]}: how many there were and the latest. */
  public Due due(Instant after, Instant upTo) {
    int count = 0;
    Instant latest = null;
    Optional<Instant> next = next(after);
    while (next.isPresent() && !next.get().isAfter(upTo)) {
      latest = next.get();
      if (++count == COUNT_LIMIT) {
        Instant last =
            times
                .lastExecution(upTo.plusSeconds(1).atZone(zone))
                .map(ZonedDateTime::toInstant)
                .orElse(latest);
        return new Due(count, true, last);
      }
      next = next(latest);
    }
    return new Due(count, false, latest);
  }

  /**
   * The firing times of one window.
   *
   * @param count how many (at most {@link #COUNT_LIMIT})
   * @param atLeast true when there were more than {@code count}
   * @param latest the latest, null when none
   */
  public record Due(int count, boolean atLeast, Instant latest) {
    /** "12" or "more than 100000". */
    String describe() {
      return atLeast ? "more than " + count : String.valueOf(count);
    }
  }
}
