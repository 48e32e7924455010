package io.recopipe.pipeline.registry.vertex;

import io.recopipe.components.packaging.PushedImage;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.infra.vertex.ModelUpload;
import io.recopipe.infra.vertex.ModelVersionRecord;
import io.recopipe.infra.vertex.VertexLabels;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.registry.AliasChange;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gcp profile's {@link ModelRegistry}: the Vertex AI Model Registry, one model per pipeline
 * (its name as model id), one model version per registered bundle with the bundle's Cloud Storage
 * directory as artifact and the pushed serving image as container, and the {@value #CHAMPION} and
 * {@value #PREVIOUS} aliases moved with {@code MergeVersionAliases}, so the champion a Vertex task
 * reads is the one the last promotion chose, wherever it was approved.
 *
 * <p>Vertex AI keeps no alias history: each version's labels record the latest move of each alias
 * to it (from, by, at), which {@link #history} returns; the reasons live in the audit log. Nor does
 * it audit: a version a promotion retires is labelled with the version that retired it, so whoever
 * promotes through this registry audits the retirements as the home's registry does ({@link
 * #retiredFor}).
 */
public final class VertexModelRegistry implements ModelRegistry {
  private final VertexModelRegistryClient client;
  private final Function<String, String> artifactUris;
  private final Function<String, String> imageReferences;
  private final Clock clock;

  /**
   * A registry in {@code client}'s project and region; {@code artifactUris} maps a bundle's
   * artifact URI to its {@code gs://} directory, {@code imageReferences} an IMAGE artifact URI to
   * the pushed image reference ({@code HOST/PATH@sha256:…}).
   */
  public VertexModelRegistry(
      VertexModelRegistryClient client,
      Function<String, String> artifactUris,
      Function<String, String> imageReferences,
      Clock clock) {
    this.client = client;
    this.artifactUris = artifactUris;
    this.imageReferences = imageReferences;
    this.clock = clock;
  }

  /**
   * The registry of the gcp profile {@code gcp}: bundles are found at their mirror in the profile's
   * Cloud Storage store, images through the {@code image.json} of the IMAGE artifact under {@code
   * artifactsRoot} (the home's artifact store).
   */
  public static VertexModelRegistry forProfile(GcpProfile gcp, Path artifactsRoot) {
    return new VertexModelRegistry(
        gcp.modelRegistry(),
        bundleUri -> gcp.artifacts().uri(bundleUri),
        imageUri -> pushedImage(artifactsRoot.resolve(imageUri)),
        Clock.systemUTC());
  }

  private static String pushedImage(Path imageDir) {
    try {
      return PushedImage.read(imageDir).pinnedReference();
    } catch (IOException e) {
      throw new OperationFailedException(
          "cannot register in Vertex AI without a pushed serving image: " + e.getMessage(), e);
    }
  }

  @Override
  public RegisteredVersion register(RegisteredVersion draft, String actor) {
    String image =
        draft
            .imageUri()
            .orElseThrow(
                () ->
                    new OperationFailedException(
                        "cannot register "
                            + draft.pipeline()
                            + " model "
                            + draft.modelVersion()
                            + " in Vertex AI: it was not packaged (a model version needs its"
                            + " serving image)"));
    String versionId =
        client.upload(
            new ModelUpload(
                draft.pipeline(),
                draft.pipeline(),
                artifactUris.apply(draft.bundleUri()),
                imageReferences.apply(image),
                "run " + draft.runId() + ", model " + draft.modelVersion(),
                VersionRecords.labels(draft),
                VersionRecords.metadata(draft, actor)));
    return find(draft.pipeline(), Integer.parseInt(versionId)).orElseThrow();
  }

  @Override
  public Optional<RegisteredVersion> find(String pipeline, int version) {
    return client.get(pipeline, Integer.toString(version)).map(VersionRecords::version);
  }

  @Override
  public List<RegisteredVersion> list(String pipeline) {
    return records(pipeline, "").stream()
        .map(VersionRecords::version)
        .sorted(Comparator.comparingInt(RegisteredVersion::version).reversed())
        .toList();
  }

  @Override
  public Optional<RegisteredVersion> alias(String pipeline, String alias) {
    return client.get(pipeline, alias).map(VersionRecords::version);
  }

  /** The pinned reference in the version's container spec, not its home IMAGE artifact path. */
  @Override
  public Optional<String> servingImage(String pipeline, int version) {
    return client
        .get(pipeline, Integer.toString(version))
        .map(ModelVersionRecord::containerImage)
        .filter(image -> !image.isBlank());
  }

  @Override
  public void setImage(String pipeline, int version, String imageUri) {
    RegisteredVersion v = require(pipeline, version);
    if (!v.imageUri().equals(Optional.of(imageUri))) {
      throw new OperationFailedException(
          ModelRegistry.subject(pipeline, version)
              + " keeps the image it was uploaded with in Vertex AI ("
              + v.imageUri().orElse("none")
              + ")");
    }
  }

  @Override
  public void setStatus(String pipeline, int version, VersionStatus status, String actor) {
    label(record(pipeline, version), Map.of(VersionRecords.STATUS, VersionRecords.status(status)));
  }

  @Override
  public void promote(String pipeline, int version, String actor, String reason, boolean served) {
    ModelVersionRecord target = record(pipeline, version);
    Optional<ModelVersionRecord> champion = client.get(pipeline, CHAMPION);
    Optional<ModelVersionRecord> old;
    if (champion.isPresent() && champion.get().versionId().equals(target.versionId())) {
      VersionStatus status = VersionRecords.statusOf(target);
      if (status == VersionStatus.PROMOTED || status == VersionStatus.DEPLOYED) {
        return; // the promotion is complete
      }
      // an earlier attempt moved the alias and stopped: finish from the move it recorded first
      String from = target.labels().getOrDefault(CHAMPION + VersionRecords.FROM, "");
      old = from.isEmpty() ? Optional.empty() : client.get(pipeline, from);
    } else {
      old = champion;
      label(target, move(CHAMPION, old, actor, clock.instant()));
      client.mergeAliases(pipeline, target.versionId(), List.of(CHAMPION));
    }
    if (old.isPresent()) {
      movePrevious(pipeline, old.get().versionId(), target.versionId(), actor);
    }
    if (served) {
      retireServing(pipeline, target.versionId());
    }
    label(
        record(pipeline, version),
        Map.of(
            VersionRecords.STATUS,
            VersionRecords.status(served ? VersionStatus.DEPLOYED : VersionStatus.PROMOTED)));
  }

  /**
   * Gives {@code oldId}, the champion {@code targetId} replaced, the {@value #PREVIOUS} alias, its
   * labels first (the alias move's from, by and at; RETIRED for the target if it was PROMOTED), so
   * a retry that finds the alias moved finds the labels written.
   */
  private void movePrevious(String pipeline, String oldId, String targetId, String actor) {
    Optional<ModelVersionRecord> before = client.get(pipeline, PREVIOUS);
    if (before.isPresent() && before.get().versionId().equals(oldId)) {
      return;
    }
    ModelVersionRecord old = client.get(pipeline, oldId).orElseThrow();
    Map<String, String> previous =
        new java.util.TreeMap<>(move(PREVIOUS, before, actor, clock.instant()));
    if (VersionRecords.statusOf(old) == VersionStatus.PROMOTED) {
      previous.putAll(retired(targetId));
    }
    label(old, previous);
    client.mergeAliases(pipeline, oldId, List.of(PREVIOUS));
  }

  @Override
  public void markServing(String pipeline, int version, String actor) {
    ModelVersionRecord target = record(pipeline, version);
    if (VersionRecords.statusOf(target) == VersionStatus.DEPLOYED) {
      return;
    }
    retireServing(pipeline, target.versionId());
    label(target, Map.of(VersionRecords.STATUS, VersionRecords.status(VersionStatus.DEPLOYED)));
  }

  @Override
  public Optional<RegisteredVersion> withModelVersion(String pipeline, String modelVersion) {
    return records(pipeline, filter(VersionRecords.CONTENT, modelVersion)).stream()
        .map(VersionRecords::version)
        .filter(v -> v.modelVersion().equals(modelVersion))
        .min(Comparator.comparingInt(RegisteredVersion::version));
  }

  @Override
  public Optional<RegisteredVersion> forRun(String pipeline, String runId) {
    return records(pipeline, filter(VersionRecords.RUN, runId)).stream()
        .map(VersionRecords::version)
        .filter(v -> v.runId().equals(runId))
        .findFirst();
  }

  /**
   * The versions labelled RETIRED for {@code version}: the champion it replaced (its {@code
   * champion_from} label) first, then the others by version.
   */
  @Override
  public List<Integer> retiredFor(String pipeline, int version) {
    String id = Integer.toString(version);
    String replaced =
        client
            .get(pipeline, id)
            .map(r -> r.labels().getOrDefault(CHAMPION + VersionRecords.FROM, ""))
            .orElse("");
    String retired = VersionRecords.status(VersionStatus.RETIRED);
    return records(pipeline, filter(VersionRecords.RETIRED_FOR, id)).stream()
        .filter(r -> id.equals(r.labels().get(VersionRecords.RETIRED_FOR)))
        .filter(r -> retired.equals(r.labels().get(VersionRecords.STATUS)))
        .map(ModelVersionRecord::versionId)
        .sorted(
            Comparator.comparing((String v) -> !v.equals(replaced))
                .thenComparingInt(Integer::parseInt))
        .map(Integer::parseInt)
        .toList();
  }

  @Override
  public List<AliasChange> history(String pipeline) {
    List<AliasChange> out = new ArrayList<>();
    for (ModelVersionRecord r : records(pipeline, "")) {
      for (String alias : List.of(CHAMPION, PREVIOUS)) {
        String at = r.labels().get(alias + VersionRecords.AT);
        if (at == null) {
          continue;
        }
        String from = r.labels().getOrDefault(alias + VersionRecords.FROM, "");
        out.add(
            new AliasChange(
                0,
                pipeline,
                alias,
                from.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(from)),
                Optional.of(Integer.parseInt(r.versionId())),
                r.labels().getOrDefault(alias + VersionRecords.BY, ""),
                Instant.ofEpochSecond(Long.parseLong(at)),
                ""));
      }
    }
    out.sort(Comparator.comparing(AliasChange::at).reversed());
    return out;
  }

  private static Map<String, String> move(
      String alias, Optional<ModelVersionRecord> from, String actor, Instant at) {
    return Map.of(
        alias + VersionRecords.FROM,
        from.map(ModelVersionRecord::versionId).orElse(""),
        alias + VersionRecords.BY,
        VertexLabels.value(actor),
        alias + VersionRecords.AT,
        Long.toString(at.getEpochSecond()));
  }

  private void retireServing(String pipeline, String exceptVersion) {
    String deployed = VersionRecords.status(VersionStatus.DEPLOYED);
    for (ModelVersionRecord r : records(pipeline, filter(VersionRecords.STATUS, deployed))) {
      if (!r.versionId().equals(exceptVersion)
          && deployed.equals(r.labels().get(VersionRecords.STATUS))) {
        label(r, retired(exceptVersion));
      }
    }
  }

  /** The labels of a version {@code forVersion} retired, set in one update with its status. */
  private static Map<String, String> retired(String forVersion) {
    return Map.of(
        VersionRecords.STATUS,
        VersionRecords.status(VersionStatus.RETIRED),
        VersionRecords.RETIRED_FOR,
        forVersion);
  }

  private void label(ModelVersionRecord record, Map<String, String> changes) {
    client.setLabels(
        record.modelName().substring(record.modelName().lastIndexOf('/') + 1),
        record.versionId(),
        VersionRecords.with(record, changes));
  }

  private List<ModelVersionRecord> records(String pipeline, String filter) {
    return client.versions(pipeline, filter);
  }

  private ModelVersionRecord record(String pipeline, int version) {
    return client
        .get(pipeline, Integer.toString(version))
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "no model version " + ModelRegistry.subject(pipeline, version)));
  }

  private RegisteredVersion require(String pipeline, int version) {
    return VersionRecords.version(record(pipeline, version));
  }

  private static String filter(String label, String value) {
    return "labels." + label + "=\"" + VertexLabels.value(value) + "\"";
  }
}
