package io.recopipe.infra.vertex;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.LocationName;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.PipelineServiceClient;
import com.google.cloud.aiplatform.v1.PipelineServiceSettings;
import com.google.cloud.aiplatform.v1.Schedule;
import com.google.cloud.aiplatform.v1.ScheduleServiceClient;
import com.google.cloud.aiplatform.v1.ScheduleServiceSettings;
import io.recopipe.infra.config.GcpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Submits compiled pipeline specs to Vertex AI Pipelines and schedules them, so {@code recopipe
 * submit} and {@code recopipe schedule add --profile gcp} send the same job: the spec, the run's
 * parameter values, {@code GcpConfig.pipelineRoot()} and the pipeline service account.
 */
public final class VertexPipelines implements AutoCloseable {
  private final GcpConfig config;
  private final PipelineServiceClient pipelines;
  private final ScheduleServiceClient schedules;

  private VertexPipelines(
      GcpConfig config, PipelineServiceClient pipelines, ScheduleServiceClient schedules) {
    this.config = config;
    this.pipelines = pipelines;
    this.schedules = schedules;
  }

  /**
   * The system property naming a {@code host:port} that stands in for Vertex AI without TLS or
   * credentials (tests and emulators); unset, {@link #forConfig} talks to Google.
   */
  public static final String ENDPOINT_PROPERTY = "recopipe.vertex.endpoint";

  /** Connects to {@link #ENDPOINT_PROPERTY} when set, else to Vertex AI (see {@link #connect}). */
  public static VertexPipelines forConfig(GcpConfig config) {
    String endpoint = System.getProperty(ENDPOINT_PROPERTY, "");
    return endpoint.isBlank() ? connect(config) : connectPlaintext(config, endpoint.strip());
  }

  /** Connects to Vertex AI in the config's region with Application Default Credentials. */
  public static VertexPipelines connect(GcpConfig config) {
    String endpoint = config.region() + "-aiplatform.googleapis.com:443";
    return connect(
        config,
        InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(endpoint).build(),
        PipelineServiceSettings.defaultCredentialsProviderBuilder().build(),
        endpoint);
  }

  /**
   * Connects without TLS or credentials to {@code hostPort}, a local stand-in for Vertex AI (tests,
   * emulators); never a Google endpoint.
   */
  public static VertexPipelines connectPlaintext(GcpConfig config, String hostPort) {
    return connect(
        config,
        InstantiatingGrpcChannelProvider.newBuilder()
            .setEndpoint(hostPort)
            .setChannelConfigurator(builder -> builder.usePlaintext())
            .build(),
        NoCredentialsProvider.create(),
        hostPort);
  }

  static VertexPipelines connect(
      GcpConfig config,
      TransportChannelProvider channels,
      CredentialsProvider credentials,
      String endpoint) {
    try {
      PipelineServiceClient pipelines =
          PipelineServiceClient.create(
              PipelineServiceSettings.newBuilder()
                  .setEndpoint(endpoint)
                  .setTransportChannelProvider(channels)
                  .setCredentialsProvider(credentials)
                  .build());
      ScheduleServiceClient schedules =
          ScheduleServiceClient.create(
              ScheduleServiceSettings.newBuilder()
                  .setEndpoint(endpoint)
                  .setTransportChannelProvider(channels)
                  .setCredentialsProvider(credentials)
                  .build());
      return new VertexPipelines(config, pipelines, schedules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to Vertex AI at " + endpoint, e);
    }
  }

  /**
   * Creates pipeline job {@code jobId} running {@code specJson} with {@code parameterValues} (root
   * parameter → value) and returns the job's resource name.
   */
  public String submit(String specJson, Map<String, String> parameterValues, String jobId) {
    PipelineJob job = PipelineJobs.of(config, specJson, parameterValues);
    return pipelines.createPipelineJob(parent(), job, JobIds.require(jobId)).getName();
  }

  /**
   * Creates a schedule starting a job of {@code specJson} with {@code parameterValues} at every
   * cron time of {@code schedule}; returns the schedule's resource name.
   */
  public String schedule(
      String specJson, Map<String, String> parameterValues, VertexSchedule schedule) {
    PipelineJob job = PipelineJobs.of(config, specJson, parameterValues);
    Schedule request =
        Schedule.newBuilder()
            .setDisplayName(schedule.displayName())
            .setCron(schedule.zonedCron())
            .setMaxConcurrentRunCount(schedule.maxConcurrent())
            .setAllowQueueing(schedule.allowQueueing())
            .setCreatePipelineJobRequest(
                CreatePipelineJobRequest.newBuilder()
                    .setParent(parent().toString())
                    .setPipelineJob(job))
            .build();
    return schedules.createSchedule(parent(), request).getName();
  }

  private LocationName parent() {
    return LocationName.of(config.project(), config.region());
  }

  @Override
  public void close() {
    pipelines.close();
    schedules.close();
  }
}
