package io.recopipe.infra.profile;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import io.recopipe.components.api.Services;
import io.recopipe.components.train.TrainingEngine;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.infra.bigquery.BigQueryApprovalTable;
import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.infra.bigquery.BigQueryWarehouse;
import io.recopipe.infra.bigquery.BqmlTrainingEngine;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.infra.gcs.GcsArtifactStore;
import io.recopipe.infra.gcs.GcsHeadAnchor;
import io.recopipe.infra.vertex.ChampionDownload;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code gcp} profile assembled from a checked {@link GcpConfig}: the BigQuery warehouse, the
 * BigQuery ML training engine and the cloud backends steps find through {@link Services}, so the
 * CLI runs the same pipeline definition against Google Cloud by swapping this one object in.
 */
public final class GcpProfile implements AutoCloseable {
  /** The parameters the profile adds to every run (they enter cache keys, as they should). */
  public static final Map<String, String> PARAMETERS =
      Map.of("train.engine", BqmlTrainingEngine.NAME);

  /**
   * The options the profile starts from in place of the shipped config's (a value the user set is
   * kept): BigQuery ML fits ALS only, so {@code method: auto} (which may pick gibbs or vb, or take
   * the tuning trials' method) becomes {@code als}.
   */
  public static final Map<String, String> DEFAULTS = Map.of("train.method", "als");

  private final GcpConfig config;
  private final GcpEndpoints endpoints;
  private final BigQuery bigQuery;
  private final Services services;
  private final Credentials credentials;
  private final GcsArtifactStore artifacts;
  private final List<AutoCloseable> closeables;
  private VertexModelRegistryClient modelRegistry;

  private GcpProfile(
      GcpConfig config,
      GcpEndpoints endpoints,
      BigQuery bigQuery,
      Services services,
      Credentials credentials,
      GcsArtifactStore artifacts,
      List<AutoCloseable> closeables) {
    this.config = config;
    this.endpoints = endpoints;
    this.bigQuery = bigQuery;
    this.services = services;
    this.credentials = credentials;
    this.artifacts = artifacts;
    this.closeables = closeables;
  }

  /**
   * Opens the profile for {@code config} on Google's endpoints: credentials are required first
   * (one-line error when missing), then the clients are created; no API call is made until a step
   * runs.
   */
  public static GcpProfile open(GcpConfig config, GoogleCredentialsCheck credentialsCheck) {
    return open(config, GcpEndpoints.GOOGLE, credentialsCheck);
  }

  /**
   * Opens the profile for {@code config} with each client on its {@code endpoints} override (the
   * clients' own {@code setHost}/{@code setEndpoint} options); with plain-text endpoints no
   * credentials are looked up or sent.
   */
  public static GcpProfile open(
      GcpConfig config, GcpEndpoints endpoints, GoogleCredentialsCheck credentialsCheck) {
    Credentials credentials =
        endpoints.plaintext() ? NoCredentials.getInstance() : credentialsCheck.require();
    BigQueryOptions.Builder options =
        BigQueryOptions.newBuilder()
            .setProjectId(config.project())
            .setLocation(config.datasetLocation())
            .setCredentials(credentials);
    endpoints.bigQuery().ifPresent(options::setHost);
    BigQuery bigQuery = options.build().getService();
    List<AutoCloseable> closeables = new ArrayList<>();
    Services services =
        Services.none().with(TrainingEngine.class, new BqmlTrainingEngine(bigQuery, config));
    GcsArtifactStore artifacts = CloudBackends.artifactStore(config, endpoints, credentials);
    services =
        CloudBackends.install(services, config, endpoints, credentials, artifacts, closeables);
    return new GcpProfile(
        config, endpoints, bigQuery, services, credentials, artifacts, closeables);
  }

  /** How the gRPC clients authenticate: not at all on plain-text endpoints. */
  static CredentialsProvider credentialsProvider(GcpEndpoints endpoints, Credentials credentials) {
    return endpoints.plaintext()
        ? NoCredentialsProvider.create()
        : FixedCredentialsProvider.create(credentials);
  }

  /** The checked config. */
  public GcpConfig config() {
    return config;
  }

  /** Opens the warehouse for a run: the BigQuery dataset. */
  public Supplier<Warehouse> warehouses() {
    return () -> new BigQueryWarehouse(bigQuery, config);
  }

  /** The audit log's table in the profile's dataset. */
  public BigQueryAuditTable auditTable() {
    return BigQueryAuditTable.of(bigQuery, config);
  }

  /** The audit log's head anchor in the profile's bucket (see {@link GcsHeadAnchor}). */
  public GcsHeadAnchor auditAnchor() {
    return GcsHeadAnchor.forAuditTable(
        CloudBackends.storage(config, endpoints, credentials),
        config,
        BigQueryAuditTable.DEFAULT_TABLE);
  }

  /** The approval requests' table in the profile's dataset. */
  public BigQueryApprovalTable approvalTable() {
    return BigQueryApprovalTable.of(bigQuery, config);
  }

  /** The backends steps use. */
  public Services services() {
    return services;
  }

  /** The Cloud Storage store committed artifacts (bundles among them) are mirrored to. */
  public GcsArtifactStore artifacts() {
    return artifacts;
  }

  /**
   * The Vertex AI Model Registry client of the config's project and region (created on first use,
   * closed with the profile).
   */
  public synchronized VertexModelRegistryClient modelRegistry() {
    if (modelRegistry == null) {
      modelRegistry =
          endpoints.vertex().isPresent()
              ? VertexModelRegistryClient.forEndpoint(
                  config,
                  endpoints.vertex().get(),
                  endpoints.plaintext(),
                  credentialsProvider(endpoints, credentials))
              : VertexModelRegistryClient.forConfig(
                  config, FixedCredentialsProvider.create(credentials));
      closeables.add(modelRegistry);
    }
    return modelRegistry;
  }

  /** Downloads the bundle an alias of the registry points at (the gate's champion on Vertex). */
  public ChampionDownload champions() {
    return new ChampionDownload(modelRegistry(), artifacts);
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        // closing clients is best effort; their channels die with the JVM anyway
      }
    }
  }
}
