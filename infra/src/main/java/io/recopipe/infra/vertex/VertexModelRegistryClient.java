package io.recopipe.infra.vertex;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.aiplatform.v1.GetModelRequest;
import com.google.cloud.aiplatform.v1.ListModelVersionsRequest;
import com.google.cloud.aiplatform.v1.LocationName;
import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.Model;
import com.google.cloud.aiplatform.v1.ModelContainerSpec;
import com.google.cloud.aiplatform.v1.ModelName;
import com.google.cloud.aiplatform.v1.ModelServiceClient;
import com.google.cloud.aiplatform.v1.ModelServiceSettings;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelResponse;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.model.error.OperationFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The Vertex AI Model Registry ({@code google.cloud.aiplatform.v1.ModelService}) as recopipe uses
 * it: one model per pipeline, one version per registered bundle (its Cloud Storage directory as the
 * artifact), aliases moved by {@code MergeVersionAliases}, status kept in the version's labels, so
 * the registry of a gcp pipeline lives in Google Cloud rather than on the machine that ran it.
 */
public final class VertexModelRegistryClient implements AutoCloseable {
  private final GcpConfig config;
  private final ModelServiceClient client;

  private VertexModelRegistryClient(GcpConfig config, ModelServiceClient client) {
    this.config = config;
    this.client = client;
  }

  /**
   * Connects to {@link VertexPipelines#ENDPOINT_PROPERTY} without TLS when it is set (tests,
   * emulators), else to Vertex AI in the config's region with {@code credentials}.
   */
  public static VertexModelRegistryClient forConfig(
      GcpConfig config, CredentialsProvider credentials) {
    String local = System.getProperty(VertexPipelines.ENDPOINT_PROPERTY, "").strip();
    if (!local.isEmpty()) {
      return connect(
          config,
          InstantiatingGrpcChannelProvider.newBuilder()
              .setEndpoint(local)
              .setChannelConfigurator(builder -> builder.usePlaintext())
              .build(),
          NoCredentialsProvider.create(),
          local);
    }
    String endpoint = config.region() + "-aiplatform.googleapis.com:443";
    return connect(
        config,
        InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(endpoint).build(),
        credentials,
        endpoint);
  }

  /**
   * Connects to {@code endpoint} ({@code host:port}: an emulator, a private endpoint, a loopback
   * stand-in), over plain text when {@code plaintext}, authenticating with {@code credentials}.
   */
  public static VertexModelRegistryClient forEndpoint(
      GcpConfig config, String endpoint, boolean plaintext, CredentialsProvider credentials) {
    InstantiatingGrpcChannelProvider.Builder channels =
        InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(endpoint);
    if (plaintext) {
      channels.setChannelConfigurator(builder -> builder.usePlaintext());
    }
    return connect(config, channels.build(), credentials, endpoint);
  }

  /** Connects over {@code channels} (an in-process channel in tests) to {@code endpoint}. */
  public static VertexModelRegistryClient connect(
      GcpConfig config,
      TransportChannelProvider channels,
      CredentialsProvider credentials,
      String endpoint) {
    try {
      return new VertexModelRegistryClient(
          config,
          ModelServiceClient.create(
              ModelServiceSettings.newBuilder()
                  .setEndpoint(endpoint)
                  .setTransportChannelProvider(channels)
                  .setCredentialsProvider(credentials)
                  .build()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to Vertex AI at " + endpoint, e);
    }
  }

  /** {@code projects/P/locations/L/models/ID}. */
  public String modelName(String modelId) {
    return ModelName.of(config.project(), config.region(), VertexLabels.modelId(modelId))
        .toString();
  }

  /**
   * Uploads a new version ({@code UploadModel}): the first one creates model {@code modelId}, later
   * ones name it as {@code parent_model}; returns the new version's id.
   */
  public String upload(ModelUpload upload) {
    Model.Builder model =
        Model.newBuilder()
            .setDisplayName(upload.displayName())
            .setVersionDescription(upload.description())
            .setArtifactUri(upload.artifactUri())
            .setContainerSpec(ModelContainerSpec.newBuilder().setImageUri(upload.imageUri()))
            .putAllLabels(upload.labels());
    if (upload.metadataJson() != null) {
      Value.Builder metadata = Value.newBuilder();
      try {
        JsonFormat.parser().merge(upload.metadataJson(), metadata);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalArgumentException("model metadata is not JSON: " + e.getMessage(), e);
      }
      model.setMetadata(metadata);
    }
    UploadModelRequest.Builder request =
        UploadModelRequest.newBuilder()
            .setParent(LocationName.of(config.project(), config.region()).toString())
            .setModel(model);
    if (get(upload.modelId(), "").isPresent()) {
      request.setParentModel(modelName(upload.modelId()));
    } else {
      request.setModelId(upload.modelId());
    }
    try {
      UploadModelResponse response = client.uploadModelAsync(request.build()).get();
      return response.getModelVersionId();
    } catch (ExecutionException e) {
      throw new OperationFailedException(
          "Vertex AI refused the upload of " + upload.artifactUri() + ": " + cause(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationFailedException("interrupted uploading " + upload.artifactUri(), e);
    }
  }

  /**
   * Version {@code versionOrAlias} of model {@code modelId} ({@code GetModel} on {@code models/M@2}
   * or {@code models/M@champion}; the default version when blank); empty when the model, the
   * version or the alias does not exist.
   */
  public Optional<ModelVersionRecord> get(String modelId, String versionOrAlias) {
    String name =
        modelName(modelId) + (versionOrAlias.isBlank() ? "" : "@" + versionOrAlias.strip());
    try {
      return Optional.of(
          record(client.getModel(GetModelRequest.newBuilder().setName(name).build())));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Every version of model {@code modelId} that matches {@code filter} ({@code ListModelVersions},
   * e.g. {@code labels.recopipe_run=r1}; blank: all), in the order Vertex AI returns them; empty
   * when the model does not exist.
   */
  public List<ModelVersionRecord> versions(String modelId, String filter) {
    ListModelVersionsRequest request =
        ListModelVersionsRequest.newBuilder().setName(modelName(modelId)).setFilter(filter).build();
    List<ModelVersionRecord> out = new ArrayList<>();
    try {
      for (Model model : client.listModelVersions(request).iterateAll()) {
        out.add(record(model));
      }
    } catch (NotFoundException e) {
      return List.of();
    }
    return out;
  }

  /**
   * Adds {@code aliases} to version {@code versionId} ({@code MergeVersionAliases}); an alias held
   * by another version of the model moves here, {@code -alias} removes one.
   */
  public ModelVersionRecord mergeAliases(String modelId, String versionId, List<String> aliases) {
    return record(
        client.mergeVersionAliases(
            MergeVersionAliasesRequest.newBuilder()
                .setName(modelName(modelId) + "@" + versionId)
                .addAllVersionAliases(aliases)
                .build()));
  }

  /**
   * Replaces the labels of version {@code versionId} ({@code UpdateModel}, mask {@code labels}).
   */
  public ModelVersionRecord setLabels(
      String modelId, String versionId, Map<String, String> labels) {
    Model model =
        Model.newBuilder()
            .setName(modelName(modelId) + "@" + versionId)
            .putAllLabels(VertexLabels.check(labels))
            .build();
    return record(
        client.updateModel(
            UpdateModelRequest.newBuilder()
                .setModel(model)
                .setUpdateMask(FieldMask.newBuilder().addPaths("labels"))
                .build()));
  }

  private static ModelVersionRecord record(Model model) {
    String metadata = null;
    if (model.hasMetadata()) {
      try {
        metadata =
            JsonFormat.printer().omittingInsignificantWhitespace().print(model.getMetadata());
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("Vertex AI returned unprintable metadata", e);
      }
    }
    String name = model.getName();
    int at = name.indexOf('@');
    return new ModelVersionRecord(
        at < 0 ? name : name.substring(0, at),
        model.getVersionId(),
        model.getVersionAliasesList(),
        model.getArtifactUri(),
        model.hasContainerSpec() ? model.getContainerSpec().getImageUri() : "",
        model.getLabelsMap(),
        metadata,
        Instant.ofEpochSecond(
            model.getVersionCreateTime().getSeconds(), model.getVersionCreateTime().getNanos()));
  }

  private static String cause(ExecutionException e) {
    return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
  }

  @Override
  public void close() {
    client.close();
  }
}
