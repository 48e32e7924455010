package io.recopipe.pipeline.schedule;

import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@link ScheduleRequest} into a {@link Schedule} or one error line naming every bad field,
 * so a user fixes a schedule in one attempt; the config and overrides are resolved the way {@code
 * recopipe run} will resolve them, so a schedule never fires into a config error.
 */
final class ScheduleValidator {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-_]{0,62}");

  private ScheduleValidator() {}

  static Schedule validate(ScheduleRequest request, Instant now, String actor) {
    List<String> errors = new ArrayList<>();
    String name = request.name() == null ? "" : request.name();
    if (!NAME.matcher(name).matches()) {
      errors.add("name '" + name + "' must match [a-z0-9][a-z0-9-_]{0,62}");
    }
    ZoneId zone = zone(request.zone(), errors);
    checkCron(request.cron(), zone == null ? ZoneId.of("UTC") : zone, errors);
    Overlap overlap = request.overlap() == null ? Overlap.SKIP : Overlap.parse(request.overlap());
    if (overlap == null) {
      errors.add("overlap '" + request.overlap() + "' must be skip or queue");
    }
    CatchUp catchUp = request.catchUp() == null ? CatchUp.NONE : CatchUp.parse(request.catchUp());
    if (catchUp == null) {
      errors.add("catch-up '" + request.catchUp() + "' must be none or latest");
    }
    Optional<Path> config = config(request, errors);
    if (!errors.isEmpty()) {
      throw new ScheduleException("invalid schedule: " + String.join("; ", errors));
    }
    return new Schedule(
        name,
        request.cron().trim(),
        zone,
        overlap,
        catchUp,
        config,
        request.overrides(),
        false,
        now,
        actor,
        now);
  }

  private static ZoneId zone(String text, List<String> errors) {
    if (text == null) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      errors.add("zone '" + text + "' is not a time-zone id (e.g. Europe/Berlin, UTC)");
      return null;
    }
  }

  private static void checkCron(String cron, ZoneId zone, List<String> errors) {
    try {
      CronTimes.of(cron == null ? "" : cron.trim(), zone);
    } catch (IllegalArgumentException e) {
      errors.add(
          "cron '"
              + cron
              + "' is not a 5-field UNIX cron expression ("
              + oneLine(e.getMessage())
              + ")");
    }
  }

  private static Optional<Path> config(ScheduleRequest request, List<String> errors) {
    Path file = request.config() == null ? null : request.config().toAbsolutePath().normalize();
    if (file != null && !Files.isRegularFile(file)) {
      errors.add("config " + file + " is not a file");
      return Optional.empty();
    }
    try {
      MovieLensMfPipeline.config(file, request.overrides(), false);
    } catch (IllegalArgumentException e) {
      errors.add(oneLine(e.getMessage()));
    }
    return Optional.ofNullable(file);
  }

  private static String oneLine(String text) {
    return text == null ? "invalid" : text.replaceAll("\\s+", " ").trim();
  }
}
