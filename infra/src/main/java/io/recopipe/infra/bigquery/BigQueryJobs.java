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
    return run(newJobId(purpose), configuration, what);
  }

  /**
   * Runs a job under the caller's {@code id} to completion; a job id BigQuery already has fails
   * with the client's 409 {@link BigQueryException} as the cause.
   */
  Job run(JobId id, JobConfiguration configuration, String what) throws WarehouseException {
    try {
      return await(bigQuery.create(JobInfo.of(id, configuration)), id, what);
    } catch (BigQueryException e) {
      throw failure(what, id, e);
    }
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
    }
    if (done == null) {
      throw new WarehouseException(what + " (job " + id.getJob() + "): the job disappeared", null);
    }
    if (!done.isDone()) {
      throw new WarehouseException(
          what + " (job " + id.getJob() + "): not finished after " + timeout.toSeconds() + " s",
          null);
    }
    BigQueryError error = done.getStatus().getError();
    if (error != null) {
      throw new WarehouseException(what + " (job " + id.getJob() + "): " + describe(error), null);
    }
    return done;
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
