package io.recopipe.pipeline.cli;

import io.recopipe.infra.vertex.VertexPipelines;
import io.recopipe.infra.vertex.VertexSchedule;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.schedule.ChildProcessLauncher;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The {@code schedule add --profile gcp} branch: a Vertex AI schedule of the compiled pipeline,
 * kept out of {@link ScheduleCommand} so the local schedule commands stay as they were.
 */
final class VertexScheduling {
  private VertexScheduling() {}

  /** Creates the schedule and returns the line to print. */
  static String add(
      String name,
      String cron,
      String zone,
      int maxConcurrent,
      boolean allowQueueing,
      Path config,
      Map<String, String> set,
      String image,
      Path home) {
    ZoneId zoneId;
    try {
      zoneId = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new InvalidInputException("--zone " + zone + ": unknown time zone");
    }
    VertexSchedule schedule = new VertexSchedule(name, cron, zoneId, maxConcurrent, allowQueueing);
    SubmitCommand.VertexJob job = SubmitCommand.VertexJob.prepare("gcp", config, set, image, home);
    try (VertexPipelines vertex = VertexPipelines.forConfig(job.gcp())) {
      // like a local schedule's runs, its jobs are submitted by scheduler:NAME, not its creator
      String created =
          vertex.schedule(
              job.spec().json(),
              job.spec().parameterValues(ChildProcessLauncher.startedBy(name)),
              schedule);
      return "added Vertex AI schedule "
          + created
          + " ("
          + schedule.zonedCron()
          + ", at most "
          + maxConcurrent
          + " running, "
          + (allowQueueing ? "queueing" : "skipping")
          + " when "
          + "busy)";
    }
  }
}
