package io.recopipe.infra.bigquery;

import com.google.cloud.RetryOption;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobConfiguration;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.config.GcpConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts BigQuery jobs in the configured project and dataset location, waits for them within a
 * bounded time and turns a failed job into one line naming the job and BigQuery's reason, so every
 * caller reports errors the same way and no job is waited on forever.
 */
final class BigQueryJobs {
  private final BigQuery bigQuery;
  private final GcpConfig config;
  private final Duration timeout;

  BigQueryJobs(BigQuery bigQuery, GcpConfig config, Duration timeout) {
    this.bigQuery = Objects.requireNonNull(bigQuery, "bigQuery");
    this.config = Objects.requireNonNull(config, "config");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  BigQuery client() {
    return bigQuery;
  }

  GcpConfig config() {
    return config;
  }

  DatasetId dataset() {
    return DatasetId.of(config.project(), config.dataset());
  }

  TableId table(String name) {
    return TableId.of(config.project(), config.dataset(), name);
  }

  /** A fresh job id such as {@code recopipe_load_3f2a…}, in the dataset's location. */
  JobId newJobId(String purpose) {
    return JobId.newBuilder()
        .setProject(config.project())
        .setLocation(config.datasetLocation())
        .setJob("recopipe_" + purpose + "_" + UUID.randomUUID().toString().replace("-", ""))
        .build();
  }

  /** Runs a job to completion; {@code what} names it in errors (e.g. "table train"). */
  Job run(String purpose, JobConfiguration configuration, String what) throws WarehouseException {
    JobId id = newJobId(purpose);
    return succeeded(start(id, configuration, what), id, what);
  }

  /**
   * Runs a job under a fresh id to completion and returns it even when it failed ({@link #error}),
   * for a caller that retries some failures.
   */
  Job start(String purpose, JobConfiguration configuration, String what) throws WarehouseException {
    return start(newJobId(purpose), configuration, what);
  }

  private Job start(JobId id, JobConfiguration configuration, String what)
      throws WarehouseException {
    Job job;
    try {
      job = bigQuery.create(JobInfo.of(id, configuration));
    } catch (BigQueryException e) {
      throw failure(what, id, e);
    }
    return finish(job, id, what);
  }

  /**
   * Creates job {@code id}, or finds the job BigQuery already holds under that id, and waits for it
   * to end, failed or not. A job id names one job in the project for good, even a failed one
   * (https://cloud.google.com/bigquery/docs/running-jobs): on a clash the client hands back the
   * existing job when it was created in the last 24 hours and throws 409 otherwise
   * (google-cloud-bigquery {@code BigQueryImpl.create}); both end here with that job.
   */
  Job claim(JobId id, JobConfiguration configuration, String what) throws WarehouseException {
    Job job;
    try {
      job = bigQuery.create(JobInfo.of(id, configuration));
    } catch (BigQueryException e) {
      if (e.getCode() != 409) {
        throw failure(what, id, e);
      }
      job = find(id, what);
    }
    return finish(job, id, what);
  }

  /** BigQuery's error of a finished job, empty when it succeeded. */
  static Optional<BigQueryError> error(Job job) {
    return Optional.ofNullable(job.getStatus()).map(JobStatus::getError);
  }

  /** {@code job} when it succeeded; its error as an exception otherwise. */
  static Job succeeded(Job job, JobId id, String what) throws WarehouseException {
    Optional<BigQueryError> error = error(job);
    if (error.isPresent()) {
      throw new WarehouseException(
          what + " (job " + id.getJob() + "): " + describe(error.get()), null);
    }
    return job;
  }

  /** Uploads bytes written by {@code body} as a load job and waits for it. */
  Job upload(WriteChannelConfiguration configuration, Body body, String what)
      throws WarehouseException {
    JobId id = newJobId("load");
    try {
      TableDataWriteChannel channel = bigQuery.writer(id, configuration);
      try (OutputStream out = Channels.newOutputStream(channel)) {
        body.writeTo(out);
      }
      Job job = channel.getJob();
      if (job == null) {
        throw new WarehouseException(
            what + " (job " + id.getJob() + "): the upload finished " + "without a load job", null);
      }
      return await(job, id, what);
    } catch (BigQueryException e) {
      throw failure(what, id, e);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof BigQueryException b ? b : e;
      throw new WarehouseException(
          what + " (job " + id.getJob() + "): upload failed: " + cause.getMessage(), e);
    }
  }

  private Job await(Job job, JobId id, String what) throws WarehouseException {
    return succeeded(finish(job, id, what), id, what);
  }

  /**
   * Waits for {@code job} to end and returns it, failed or not. The client may throw a failed query
   * job's error while waiting (jobs.getQueryResults answers with it); the job is then read again,
   * so its status tells how it ended.
   */
  private Job finish(Job job, JobId id, String what) throws WarehouseException {
    Job done;
    try {
      done =
          job.waitFor(
              RetryOption.totalTimeoutDuration(timeout),
              RetryOption.initialRetryDelayDuration(Duration.ofMillis(200)),
              RetryOption.maxRetryDelayDuration(Duration.ofSeconds(10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(
          what + " (job " + id.getJob() + "): interrupted while waiting", e);
    } catch (BigQueryException e) {
      done = find(id, what);
      if (!done.isDone()) {
        throw failure(what, id, e);
      }
    }
    if (done == null) {
      throw new WarehouseException(what + " (job " + id.getJob() + "): the job disappeared", null);
    }
    if (!done.isDone()) {
      throw new WarehouseException(
          what + " (job " + id.getJob() + "): not finished after " + timeout.toSeconds() + " s",
          null);
    }
    return done;
  }

  /** The job BigQuery holds under {@code id}, read whole (jobs.get). */
  private Job find(JobId id, String what) throws WarehouseException {
    Job found;
    try {
      found = bigQuery.getJob(id);
    } catch (BigQueryException e) {
      throw failure(what, id, e);
    }
    if (found == null) {
      throw new WarehouseException(
          what + " (job " + id.getJob() + "): BigQuery neither runs nor finds this job", null);
    }
    return found;
  }

  private static WarehouseException failure(String what, JobId id, BigQueryException e) {
    String reason = e.getError() != null ? describe(e.getError()) : e.getMessage();
    return new WarehouseException(what + " (job " + id.getJob() + "): " + reason, e);
  }

  /** BigQuery's reason and message on one line, e.g. {@code invalidQuery: Unrecognized name}. */
  static String describe(BigQueryError error) {
    String reason = error.getReason() == null ? "error" : error.getReason();
    String message = error.getMessage() == null ? "" : error.getMessage().strip();
    return message.isEmpty() ? reason : reason + ": " + message.replaceAll("\\s*\n\\s*", " ");
  }

  /** Writes a load job's bytes. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException, WarehouseException;
  }
}
