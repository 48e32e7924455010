package io.recopipe.infra.cloudrun;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ContainerPort;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TrafficTarget;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.RolledBackException;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.packaging.ServingResources;
import io.recopipe.infra.config.GcpConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys each model version to Cloud Run as a new revision named after it, optionally behind a
 * canary share first, pins traffic to named revisions so rollback is one traffic update, and
 * refuses to deploy behind a public endpoint. It never writes the IAM policy: Terraform owns the
 * {@code roles/run.invoker} bindings, and the pipeline's {@code roles/run.developer} "can get but
 * not set IAM policies" (https://cloud.google.com/run/docs/securing/managing-access).
 */
public final class CloudRunDeployTarget implements DeployTarget {
  /** The service annotation remembering the revision to roll back to. */
  public static final String PREVIOUS_ANNOTATION = "recopipe.io/previous-revision";

  /** The serving container's port. */
  public static final int PORT = 8080;

  private final CloudRunServices services;
  private final String serviceId;
  private final String servingServiceAccount;
  private final List<String> invokers;
  private final CanaryCheck check;

  /**
   * A target for service {@code serviceId} in {@code project}/{@code region}, its revisions running
   * as {@code servingServiceAccount}; public {@code invokers} are refused here.
   */
  public CloudRunDeployTarget(
      CloudRunClients clients,
      String project,
      String region,
      String serviceId,
      String servingServiceAccount,
      List<String> invokers,
      CanaryCheck check) {
    this.services = new CloudRunServices(clients, ServiceName.of(project, region, serviceId));
    this.serviceId = serviceId;
    this.servingServiceAccount = servingServiceAccount;
    this.invokers = InvokerPolicy.check(invokers);
    this.check = check;
  }

  /** The target the {@code gcp} config describes, promoting canaries once they are ready. */
  public static CloudRunDeployTarget of(GcpConfig config, CloudRunClients clients) {
    return new CloudRunDeployTarget(
        clients,
        config.project(),
        config.region(),
        config.service(),
        config.servingServiceAccount(),
        config.invokers(),
        CanaryCheck.READY_IS_ENOUGH);
  }

  @Override
  public String describe() {
    return "cloud run " + services.name();
  }

  /**
   * Deploys in an order where traffic moves last: the service's invoker policy is read and checked,
   * the new revision is created with traffic still pinned to the serving one, and only once that
   * revision is ready (the update's operation is done) does traffic move, through the canary share
   * when asked. So any failure before the move leaves traffic where it was.
   */
  @Override
  public Map<String, Object> deploy(DeployRequest request) throws ComponentException {
    Staged staged = createRevision(request, true);
    if (staged.created() != null) {
      return staged.created();
    }
    Service service = staged.service();
    String revision = staged.revision();
    String previous = staged.previous();
    boolean moves = staged.moves();
    boolean canary = moves && request.canaryPercent() > 0;
    if (canary) {
      service =
          services.update(
              withTraffic(service, Traffic.canary(revision, request.canaryPercent(), previous)));
      String failed = check.problem(service.getUri(), revision, Traffic.canaryUri(service));
      if (failed != null) {
        services.update(withTraffic(service, Traffic.all(previous)));
        throw new RolledBackException(
            "deploy: canary revision "
                + revision
                + " failed its check: "
                + failed
                + " (all traffic back on "
                + previous
                + ")");
      }
    }
    if (moves) {
      service = services.update(withTraffic(service, Traffic.all(revision)));
    }
    return endpoint(service, revision, request, previous, canary);
  }

  /**
   * The first half of {@link #deploy} for a caller that moves traffic later ({@link #release}),
   * once everything else that can fail has succeeded: creates the revision and waits until it is
   * ready with all traffic still on the serving one. With a canary share asked, the revision is
   * checked on its own tagged URL at 0% of the traffic, and a failed check removes the tag. A
   * service that does not exist yet is created serving the revision (nothing served before).
   */
  @Override
  public Map<String, Object> stage(DeployRequest request) throws ComponentException {
    Staged staged = createRevision(request, false);
    if (staged.created() != null) {
      return staged.created();
    }
    Service service = staged.service();
    String revision = staged.revision();
    String previous = staged.previous();
    boolean checked = staged.moves() && request.canaryPercent() > 0;
    if (checked) {
      service = services.update(withTraffic(service, Traffic.canary(revision, 0, previous)));
      String failed = check.problem(service.getUri(), revision, Traffic.canaryUri(service));
      if (failed != null) {
        services.update(withTraffic(service, Traffic.all(previous)));
        throw new RolledBackException(
            "deploy: revision "
                + revision
                + " failed its check: "
                + failed
                + " (no traffic moved)");
      }
    }
    Map<String, Object> endpoint = endpoint(service, revision, request, previous, false);
    endpoint.put("traffic_moved", !staged.moves());
    return endpoint;
  }

  /**
   * Moves all traffic to the revision {@link #stage} created for {@code modelVersion}'s {@code
   * image} and remembers the one serving before for {@link #rollback}. The revision is found by its
   * name among the service's revisions, not as the service's latest one, so a job whose release
   * comes after another job staged a newer revision still serves its own: of two overlapping
   * releases the later one serves. Empty when the service has no such revision (nothing was staged
   * for it); refused, traffic unmoved, when it is not ready. A retry after the move changes
   * nothing.
   */
  @Override
  public Optional<Map<String, Object>> release(String modelVersion, String image)
      throws ComponentException {
    Service service = services.find();
    if (service == null) {
      return Optional.empty();
    }
    List<Revision> staged =
        StagedRevisions.of(services.revisions(), serviceId, modelVersion, image);
    if (staged.isEmpty()) {
      return Optional.empty();
    }
    String previous = Traffic.serving(service);
    Revision chosen = staged.get(0);
    String revision = StagedRevisions.shortName(chosen);
    if (!StagedRevisions.ready(chosen)) {
      throw new ComponentException(
          "release: revision "
              + revision
              + " of Cloud Run service "
              + services.name()
              + " is not ready ("
              + StagedRevisions.notReady(chosen)
              + "); traffic stays on "
              + previous);
    }
    if (!previous.equals(revision)) {
      service =
          services.update(
              withTraffic(service, Traffic.all(revision)).toBuilder()
                  .putAnnotations(PREVIOUS_ANNOTATION, previous)
                  .build());
    }
    Map<String, Object> endpoint =
        endpoint(service, revision, modelName(chosen.getContainersList()));
    endpoint.put("model_version", modelVersion);
    endpoint.put("image", image);
    endpoint.put("previous_revision", previous.equals(revision) ? "" : previous);
    return Optional.of(endpoint);
  }

  /** A revision created and ready, traffic unmoved; {@code created}: a new service's endpoint. */
  private record Staged(
      Service service,
      String revision,
      String previous,
      boolean moves,
      Map<String, Object> created) {}

  private Staged createRevision(DeployRequest request, boolean annotate) throws ComponentException {
    Service existing = services.find();
    String revision = reusableRevision(existing, request.imageReference(), request.modelVersion());
    if (revision == null) {
      revision = revisionName(existing, request);
    }
    RevisionTemplate template = template(revision, request);
    if (existing == null) {
      // nothing serves yet, so nothing moves; Terraform normally creates the service and owns
      // its invoker bindings, a service created here has none
      Service service =
          services.create(
              Service.newBuilder()
                  .setTemplate(template)
                  .putLabels("managed-by", "recopipe")
                  .addAllTraffic(Traffic.all(revision))
                  .build());
      return new Staged(
          service, revision, "", false, endpoint(service, revision, request, "", false));
    }
    String previous = Traffic.serving(existing);
    String problem = InvokerPolicy.problem(services.policy(), invokers);
    if (problem != null) {
      throw new ComponentException(
          "deploy: Cloud Run service "
              + services.name()
              + ": "
              + problem
              + "; traffic stays on "
              + previous);
    }
    boolean moves = !previous.isEmpty() && !previous.equals(revision);
    Service.Builder staged =
        existing.toBuilder()
            .setTemplate(template)
            .clearTraffic()
            .addAllTraffic(Traffic.all(moves ? previous : revision));
    if (moves && annotate) {
      staged.putAnnotations(PREVIOUS_ANNOTATION, previous);
    }
    Service service = services.update(staged.build());
    String ready = RevisionNames.shortName(service.getLatestReadyRevision());
    if (!ready.equals(revision)) {
      throw new ComponentException(
          "deploy: revision "
              + revision
              + " of Cloud Run service "
              + services.name()
              + " is not ready (latest ready: "
              + (ready.isEmpty() ? "none" : ready)
              + "); traffic stays on "
              + previous);
    }
    return new Staged(service, revision, previous, moves, null);
  }

  private static Service withTraffic(Service service, List<TrafficTarget> traffic) {
    return service.toBuilder().clearTraffic().addAllTraffic(traffic).build();
  }

  private Map<String, Object> endpoint(
      Service service, String revision, DeployRequest request, String previous, boolean canary) {
    Map<String, Object> endpoint = endpoint(service, revision, request.modelName());
    endpoint.put("model_version", request.modelVersion());
    endpoint.put("image", request.imageReference());
    endpoint.put("previous_revision", previous);
    endpoint.put("canary_percent", canary ? request.canaryPercent() : 0);
    return endpoint;
  }

  @Override
  public Map<String, Object> rollback() throws ComponentException {
    Service service = services.find();
    if (service == null) {
      throw new ComponentException(
          "deploy: cannot roll back: Cloud Run service " + services.name() + " does not exist");
    }
    String previous = service.getAnnotationsMap().getOrDefault(PREVIOUS_ANNOTATION, "");
    if (previous.isEmpty()) {
      throw new ComponentException(
          "deploy: cannot roll back "
              + services.name()
              + ": no "
              + "previous revision recorded (annotation "
              + PREVIOUS_ANNOTATION
              + ")");
    }
    String current = Traffic.serving(service);
    Service after =
        services.update(
            service.toBuilder()
                .clearTraffic()
                .addAllTraffic(Traffic.all(previous))
                .putAnnotations(PREVIOUS_ANNOTATION, current)
                .build());
    Map<String, Object> endpoint =
        endpoint(after, previous, modelName(service.getTemplate().getContainersList()));
    endpoint.put("rolled_back_from", current);
    return endpoint;
  }

  private String revisionName(Service existing, DeployRequest request) throws ComponentException {
    try {
      return RevisionNames.next(serviceId, request.modelVersion(), existing);
    } catch (IllegalArgumentException e) {
      throw new ComponentException("deploy: " + e.getMessage(), e);
    }
  }

  /**
   * The service's latest revision when it runs {@code image} for {@code modelVersion} (one a
   * retried deploy created already), else null.
   */
  private String reusableRevision(Service existing, String image, String modelVersion) {
    if (existing == null || existing.getTemplate().getContainersCount() == 0) {
      return null;
    }
    RevisionTemplate current = existing.getTemplate();
    boolean sameImage = current.getContainers(0).getImage().equals(image);
    boolean sameModel =
        current.getRevision().startsWith(RevisionNames.prefix(serviceId, modelVersion));
    return sameImage && sameModel ? current.getRevision() : null;
  }

  private static String modelName(List<Container> containers) {
    return containers.isEmpty()
        ? "recommender_model"
        : containers.get(0).getEnvList().stream()
            .filter(e -> e.getName().equals("MODEL_NAME"))
            .map(EnvVar::getValue)
            .findFirst()
            .orElse("recommender_model");
  }

  private RevisionTemplate template(String revision, DeployRequest request) {
    Container.Builder container =
        Container.newBuilder()
            .setName("serving")
            .setImage(request.imageReference())
            .addPorts(ContainerPort.newBuilder().setContainerPort(PORT))
            .addEnv(env("MODEL_NAME", request.modelName()))
            .addEnv(env("MODEL_VERSION", request.modelVersion()))
            .addEnv(env("RECOPIPE_RUN_ID", request.runId()));
    // the serving threads, collector and heap for the CPU and memory the revision gets
    ServingResources resources = ServingResources.CLOUD_RUN_DEFAULT;
    resources.containerEnv().forEach((name, value) -> container.addEnv(env(name, value)));
    container.setResources(
        ResourceRequirements.newBuilder()
            .putLimits("cpu", Integer.toString(resources.cores()))
            .putLimits("memory", resources.memoryLimit()));
    return RevisionTemplate.newBuilder()
        .setRevision(revision)
        .setServiceAccount(servingServiceAccount)
        .putLabels("recopipe-model-version", request.modelVersion().toLowerCase())
        .addContainers(container)
        .build();
  }

  private static EnvVar env(String name, String value) {
    return EnvVar.newBuilder().setName(name).setValue(value).build();
  }

  private Map<String, Object> endpoint(Service service, String revision, String modelName) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("deployed", true);
    map.put("target", "cloud_run");
    map.put("url", service.getUri() + "/v1/models/" + modelName + ":predict");
    map.put("service", services.name());
    map.put("model_name", modelName);
    map.put("revision", revision);
    map.put("traffic", Traffic.describe(service.getTrafficList()));
    return map;
  }
}
