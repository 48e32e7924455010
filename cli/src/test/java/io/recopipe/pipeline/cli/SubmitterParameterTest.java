package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.PipelineJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit} and {@code schedule add --profile gcp} send who submits as the job's {@code
 * submitted_by} parameter, resolved as {@code run} resolves its starter, so the Vertex job records
 * them as the requester the four-eyes rule refuses as approver.
 */
class SubmitterParameterTest {
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe-pipeline@sha256:"
          + "0a".repeat(32);
  private static final String GCP =
      """
      gcp:
        project: recopipe-demo
        region: europe-west1
        dataset: recopipe
        bucket: recopipe-demo-artifacts
        repository: recopipe
        service: recommender
        pipeline_service_account: pipeline@recopipe-demo.iam.gserviceaccount.com
        serving_service_account: serving@recopipe-demo.iam.gserviceaccount.com
      train:
        method: als
      """;

  @TempDir Path dir;
  private int jobs;

  @Test
  void withoutATokenTheOsUserSubmits() throws Exception {
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result result = CliRunner.run(submit());
      assertEquals(ExitCodes.OK, result.code(), result.err());
      String user = System.getProperty("user.name");
      assertEquals(user, submittedBy(vertex.jobs.get(0).getPipelineJob()));
      assertTrue(result.out().contains("submitted by " + user + "\n"), result.out());
    }
  }

  @Test
  void aReviewersTokenMakesThemTheSubmitterAndAWrongOneIsRefused() throws Exception {
    Path token = firstReviewer("dana");
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result result = CliRunner.run(submit("--token-file", token.toString()));
      assertEquals(ExitCodes.OK, result.code(), result.err());
      assertEquals("dana", submittedBy(vertex.jobs.get(0).getPipelineJob()));

      Path wrong = Files.writeString(dir.resolve("wrong.token"), "rp_not-a-token\n");
      CliRunner.Result refused = CliRunner.run(submit("--token-file", wrong.toString()));
      assertEquals(ExitCodes.REFUSED, refused.code(), refused.err());
      assertEquals(1, vertex.jobs.size(), "nothing submitted");
    }
  }

  @Test
  void aVertexSchedulesJobsAreSubmittedByTheScheduleAsLocalScheduledRunsAre() throws Exception {
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result result =
          CliRunner.run(
              "schedule",
              "add",
              "nightly",
              "--cron",
              "0 3 * * *",
              "--profile",
              "gcp",
              "--config",
              config().toString(),
              "--image",
              IMAGE);
      assertEquals(ExitCodes.OK, result.code(), result.err());
      assertEquals(
          "scheduler:nightly",
          submittedBy(
              vertex
                  .schedules
                  .get(0)
                  .getSchedule()
                  .getCreatePipelineJobRequest()
                  .getPipelineJob()));
    }
  }

  private static String submittedBy(PipelineJob job) {
    return job.getRuntimeConfig().getParameterValuesOrThrow("submitted_by").getStringValue();
  }

  private Path config() throws IOException {
    Path file = dir.resolve("gcp.yaml");
    if (!Files.exists(file)) {
      Files.writeString(file, GCP);
    }
    return file;
  }

  private String[] submit(String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "submit",
                "--profile",
                "gcp",
                "--config",
                config().toString(),
                "--job-id",
                "nightly-" + ++jobs,
                "--image",
                IMAGE,
                "--home",
                dir.resolve("home").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The home's first reviewer, whose token is printed once, in a token file. */
  private Path firstReviewer(String name) throws IOException {
    CliRunner.Result added =
        CliRunner.run("reviewers", "add", name, "--home", dir.resolve("home").toString());
    assertEquals(ExitCodes.OK, added.code(), added.err());
    String token =
        added
            .out()
            .lines()
            .filter(l -> l.startsWith("token: "))
            .findFirst()
            .orElseThrow()
            .substring(7);
    return Files.writeString(dir.resolve(name + ".token"), token + "\n");
  }
}
