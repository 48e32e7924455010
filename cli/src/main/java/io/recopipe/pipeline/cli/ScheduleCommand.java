package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.schedule.CronTimes;
import io.recopipe.pipeline.schedule.Firing;
import io.recopipe.pipeline.schedule.FiringHistory;
import io.recopipe.pipeline.schedule.Schedule;
import io.recopipe.pipeline.schedule.ScheduleRequest;
import io.recopipe.pipeline.schedule.ScheduleStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe schedule add | list | pause | resume | remove | history}: manages the cron
 * schedules that {@code recopipe server} fires, so retraining runs without an outside cron.
 */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Manages schedules fired by recopipe server (UNIX 5-field cron).")
final class ScheduleCommand {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  @Spec CommandSpec spec;

  @Command(name = "add", description = "Adds a schedule; it first fires at the next cron time.")
  int add(
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = "--cron",
              required = true,
              paramLabel = "EXPR",
              description =
                  "UNIX cron: minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\"")
          String cron,
      @Option(
              names = "--zone",
              paramLabel = "ZONE",
              description = "Time zone of the cron expression (default: this machine's).")
          String zone,
      @Option(
              names = "--overlap",
              paramLabel = "skip|queue",
              description =
                  "While the previous " + "run still runs: skip the firing (default) or queue one.")
          String overlap,
      @Option(
              names = "--catch-up",
              paramLabel = "none|latest",
              description =
                  "After downtime: " + "run nothing (default) or only the latest missed firing.")
          String catchUp,
      @Option(
              names = "--config",
              paramLabel = "FILE",
              description =
                  "Pipeline config "
                      + "(YAML), layered over the shipped one; checked now and at every firing.")
          Path config,
      @Option(names = "--set", paramLabel = "SECTION.KEY=VALUE", description = "An override.")
          Map<String, String> set,
      @Option(
              names = "--profile",
              defaultValue = "local",
              paramLabel = "local|gcp",
              description = "local (default): fired by recopipe server; gcp: a Vertex AI schedule.")
          String profile,
      @Option(
              names = "--max-concurrent",
              paramLabel = "N",
              description = "gcp: jobs of this " + "schedule that may run at once (default 1).")
          Integer maxConcurrent,
      @Option(
              names = "--allow-queueing",
              description =
                  "gcp: queue a firing while " + "--max-concurrent jobs run (default: skip it).")
          boolean allowQueueing,
      @Option(names = "--image", paramLabel = "REF", description = "gcp: the pipeline image.")
          String image,
      @Mixin HomeOption home) {
    if ("gcp".equals(profile)) {
      if (overlap != null || catchUp != null) {
        throw new InvalidInputException(
            "--overlap and --catch-up apply to --profile local; "
                + "use --max-concurrent and --allow-queueing with --profile gcp");
      }
      print(
          VertexScheduling.add(
              name,
              cron,
              zone,
              maxConcurrent == null ? 1 : maxConcurrent,
              allowQueueing,
              config,
              set,
              image,
              home.resolve().root()));
      return ExitCodes.OK;
    }
    if (!"local".equals(profile)) {
      throw new InvalidInputException("--profile " + profile + ": expected local or gcp");
    }
    if (maxConcurrent != null || allowQueueing || image != null) {
      throw new InvalidInputException(
          "--max-concurrent, --allow-queueing and --image apply " + "to --profile gcp");
    }
    ScheduleRequest request =
        new ScheduleRequest(
            name,
            cron,
            zone,
            overlap,
            catchUp,
            config,
            set == null ? Map.of() : new LinkedHashMap<>(set));
    try (MetadataStore store = open(home)) {
      Schedule added = new ScheduleStore(store).add(request, actor(), Instant.now());
      print(
          "added schedule "
              + added.name()
              + " ("
              + added.cron()
              + " in "
              + added.zone()
              + "), next firing "
              + next(added));
    }
    return ExitCodes.OK;
  }

  @Command(name = "list", description = "Lists schedules with their next firing time.")
  int list(@Mixin HomeOption home) {
    List<List<Object>> rows = new ArrayList<>();
    try (MetadataStore store = open(home)) {
      for (Schedule s : new ScheduleStore(store).list()) {
        rows.add(
            Arrays.asList(
                s.name(),
                s.cron(),
                s.zone().getId(),
                s.overlap().label(),
                s.catchUp().label(),
                s.paused() ? "paused" : next(s),
                runArguments(s)));
      }
    }
    print(
        TextTable.render(
            List.of(
                "schedule", "cron", "zone", "overlap", "catch-up", "next firing", "run arguments"),
            rows));
    return ExitCodes.OK;
  }

  @Command(name = "pause", description = "Pauses a schedule: it stops firing.")
  int pause(@Parameters(paramLabel = "NAME") String name, @Mixin HomeOption home) {
    try (MetadataStore store = open(home)) {
      new ScheduleStore(store).pause(name, actor(), Instant.now());
    }
    print("paused schedule " + name);
    return ExitCodes.OK;
  }

  @Command(
      name = "resume",
      description =
          "Resumes a schedule from now; firings missed while " + "paused are not caught up.")
  int resume(@Parameters(paramLabel = "NAME") String name, @Mixin HomeOption home) {
    try (MetadataStore store = open(home)) {
      Schedule resumed = new ScheduleStore(store).resume(name, actor(), Instant.now());
      print("resumed schedule " + name + ", next firing " + next(resumed));
    }
    return ExitCodes.OK;
  }

  @Command(name = "remove", description = "Removes a schedule (its firing history stays).")
  int remove(@Parameters(paramLabel = "NAME") String name, @Mixin HomeOption home) {
    try (MetadataStore store = open(home)) {
      new ScheduleStore(store).remove(name, actor(), Instant.now());
    }
    print("removed schedule " + name);
    return ExitCodes.OK;
  }

  @Command(name = "history", description = "Shows a schedule's firings, newest first.")
  int history(
      @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--limit", defaultValue = "50", paramLabel = "N") int limit,
      @Mixin HomeOption home) {
    List<List<Object>> rows = new ArrayList<>();
    try (MetadataStore store = open(home)) {
      ZoneId zone =
          new ScheduleStore(store).find(name).map(Schedule::zone).orElse(ZoneId.of("UTC"));
      RunRepository runs = new RunRepository(store);
      for (Firing f : new FiringHistory(store).of(name, limit)) {
        String runStatus =
            f.runId() == null ? "" : runs.find(f.runId()).map(r -> r.status().name()).orElse("?");
        rows.add(
            Arrays.asList(
                LOCAL.format(f.plannedAt().atZone(zone)),
                SECONDS.format(f.at().atZone(zone)),
                f.outcome().toString(),
                f.runId(),
                runStatus,
                f.reason() == null ? "" : f.reason()));
      }
    }
    print(
        TextTable.render(
            List.of("planned", "fired", "outcome", "run", "run status", "reason"), rows));
    return ExitCodes.OK;
  }

  private static MetadataStore open(HomeOption home) {
    return MetadataStore.open(home.resolve().metadataDb());
  }

  private static String next(Schedule schedule) {
    return CronTimes.of(schedule.cron(), schedule.zone())
        .next(Instant.now())
        .map(at -> LOCAL.format(at.atZone(schedule.zone())))
        .orElse("never");
  }

  private static String runArguments(Schedule schedule) {
    StringBuilder text = new StringBuilder();
    schedule.config().ifPresent(config -> text.append("--config ").append(config));
    schedule
        .overrides()
        .forEach(
            (key, value) ->
                text.append(text.length() == 0 ? "" : " ")
                    .append("--set ")
                    .append(key)
                    .append('=')
                    .append(value));
    return text.toString();
  }

  private static String actor() {
    return "user:" + System.getProperty("user.name", "unknown");
  }

  private void print(String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(text);
    out.flush();
  }
}
