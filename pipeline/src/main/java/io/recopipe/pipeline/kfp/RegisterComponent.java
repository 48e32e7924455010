package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.evaluate.ModelScores;
import io.recopipe.components.gate.Gate;
import io.recopipe.components.packaging.ModelVersion;
import io.recopipe.components.packaging.PushedImage;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.RetryPolicy;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@value #NAME} task the Vertex compiler adds at the end of the blessed branch: it registers
 * the job's packaged model in the profile's registry ({@link JobRegistry}: the bundle, kept under
 * the artifact URI a local run gives it ({@code JOB/export/model}; on the gcp profile uploaded to
 * the artifact store) as artifact, the pushed image by digest, metrics, gate decision and data
 * fingerprint as labels and metadata), one version per job, audited as a local run audits it
 * ({@link JobAudit}). The bundle is kept before the version is registered, so no version names a
 * bundle that is not there, and a retried task keeps it again (the same content is a no-op). It
 * never promotes: the exit task does, once the job has succeeded and its tables are published
 * ({@link JobVersions}) — under {@code promotion: auto} it moves the traffic to the revision deploy
 * staged and makes the version the champion; under {@code review}, or when the gate asks for a
 * reviewer ({@code review_required}), it asks for the approval.
 *
 * <p>Under {@code auto} a job has two registering tasks, one per branch of the gate's {@code
 * review_required} output ({@link ConditionGroups}): {@value #NAME} after deploy, and {@value
 * #REVIEW_TASK} (KFP's name for a second task of one component) on the branch without deploy. Both
 * run {@code recopipe component register}.
 *
 * <p>Why here and not in the exit task: KFP's exit task cannot read any task's outputs (the SDK
 * refuses an exit task with dependencies), so only a task inside the exit handler sees the bundle,
 * the image and the metrics. A job that fails after it (a parallel task, the tables' publish) has
 * its version marked REJECTED by the exit task, so nobody can approve or serve a model whose tables
 * were dropped.
 */
final class RegisterComponent implements Component {
  /** The task's (and step's) name. */
  static final String NAME = "register";

  /** The registering task on the branch where the gate asks for a reviewer. */
  static final String REVIEW_TASK = "register-2";

  private final String pipeline;
  private final OutputRef model;

  /** Registers the bundle the job's step output {@code model} wrote. */
  RegisterComponent(String pipeline, OutputRef model) {
    this.pipeline = pipeline;
    this.model = model;
  }

  /**
   * The register step of a job running {@code included} (execution order): after the last step that
   * outputs an IMAGE, reading its model, the gate's decision and the metrics the gate judged, and,
   * when a step deploys that image, its endpoint; empty when no step packages an image (a version
   * needs its serving image).
   */
  static Optional<Step> step(String pipeline, List<Step> included) {
    Optional<Step> packaging =
        included.stream()
            .filter(s -> output(s, ArtifactType.IMAGE).isPresent())
            .reduce((a, b) -> b);
    if (packaging.isEmpty()) {
      return Optional.empty();
    }
    Step pkg = packaging.get();
    Map<String, OutputRef> inputs = new LinkedHashMap<>();
    inputs.put("image", OutputRef.from(pkg.name(), output(pkg, ArtifactType.IMAGE).orElseThrow()));
    input(pkg, ArtifactType.MODEL).ifPresent(ref -> inputs.put("model", ref));
    for (Step step : included) {
      output(step, ArtifactType.GATE_DECISION)
          .ifPresent(
              port -> {
                inputs.put("decision", OutputRef.from(step.name(), port));
                input(step, ArtifactType.METRICS).ifPresent(ref -> inputs.put("metrics", ref));
              });
      if (step.inputs().containsValue(inputs.get("image"))) {
        output(step, ArtifactType.ENDPOINT)
            .ifPresent(port -> inputs.put("endpoint", OutputRef.from(step.name(), port)));
      }
    }
    if (!inputs.containsKey("model")) {
      return Optional.empty();
    }
    return Optional.of(
        new Step(
            NAME,
            new RegisterComponent(pipeline, inputs.get("model")),
            inputs,
            pkg.condition(),
            RetryPolicy.NONE,
            false,
            false));
  }

  /**
   * The {@value #REVIEW_TASK} task of a job running {@code included}: the register step of the job
   * without its approval steps (deploy) and what reads their outputs, so it reads no endpoint.
   */
  static Optional<Step> reviewStep(String pipeline, List<Step> included) {
    java.util.Set<String> left = new java.util.HashSet<>();
    List<Step> kept = new java.util.ArrayList<>();
    for (Step step : included) {
      if (step.requiresApproval()
          || step.inputs().values().stream().anyMatch(r -> left.contains(r.step()))) {
        left.add(step.name());
      } else {
        kept.add(step);
      }
    }
    return step(pipeline, kept)
        .map(
            s ->
                new Step(
                    REVIEW_TASK,
                    s.component(),
                    s.inputs(),
                    s.condition(),
                    s.retry(),
                    s.cacheable(),
                    false));
  }

  /** Whether task {@code name} is one the compiler adds to register the job's version. */
  static boolean isRegisterTask(String name) {
    return NAME.equals(name) || REVIEW_TASK.equals(name);
  }

  private static Optional<String> output(Step step, ArtifactType type) {
    return step.component().outputs().stream()
        .filter(p -> p.type() == type)
        .map(Port::name)
        .findFirst();
  }

  private static Optional<OutputRef> input(Step step, ArtifactType type) {
    return step.component().inputs().stream()
        .filter(p -> p.type() == type && step.inputs().containsKey(p.name()))
        .map(p -> step.inputs().get(p.name()))
        .findFirst();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<Port> inputs() {
    return List.of(
        Port.of("model", ArtifactType.MODEL),
        Port.of("image", ArtifactType.IMAGE),
        Port.optional("metrics", ArtifactType.METRICS),
        Port.optional("decision", ArtifactType.GATE_DECISION),
        Port.optional("endpoint", ArtifactType.ENDPOINT));
  }

  @Override
  public List<Port> outputs() {
    return List.of();
  }

  /** Checks the {@code promotion.*} values; other (global) keys are not the task's concern. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    List<String> problems = PromotionPolicy.problems(parameters);
    if (!problems.isEmpty()) {
      throw new ComponentException(NAME + ": " + String.join("; ", problems));
    }
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    validate(context.parameters());
    Optional<JobRegistry> jobs = context.service(JobRegistry.class);
    if (jobs.isEmpty()) {
      context
          .log()
          .info("no model registry in this container's profile (only gcp has one): not registered");
      return;
    }
    ModelRegistry registry = jobs.get().registry();
    PromotionPolicy policy = PromotionPolicy.from(context.parameters());
    Optional<RegisteredVersion> earlier = registry.forRun(pipeline, context.runId());
    RegisteredVersion v =
        earlier.isPresent()
            ? earlier.get()
            : registry.register(draft(context, jobs.get()), JobRegistry.ACTOR);
    JobAudit audit = new JobAudit(pipeline, jobs.get());
    audit.registered(v, earlier.isPresent());
    context
        .log()
        .info(
            (earlier.isPresent() ? "already registered " : "registered ")
                + ModelRegistry.subject(pipeline, v.version())
                + " (model "
                + v.modelVersion()
                + ")");
    context
        .log()
        .info(
            policy.reviewed()
                ? "promotion: review: approval is requested when the job commits"
                : "promotion: auto: the exit task promotes it (or asks for a review when the gate"
                    + " requires one) once the job's tables are published");
  }

  private RegisteredVersion draft(StepContext context, JobRegistry jobs) throws ComponentException {
    Path bundle = context.input("model");
    JsonNode manifest = StepFiles.readJson(NAME, bundle.resolve(ModelVersion.MANIFEST));
    Map<String, String> options = new TreeMap<>();
    manifest
        .path("options")
        .properties()
        .forEach(
            e ->
                options.put(
                    e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    Map<String, Double> metrics = new TreeMap<>();
    if (context.hasInput("metrics")) {
      ModelScores scores =
          MetricsReport.fromJson(
                  StepFiles.readJson(NAME, context.input("metrics").resolve(MetricsReport.FILE)))
              .candidate();
      scores.metrics().forEach(metrics::put);
      metrics.put(ModelScores.ROWS, (double) scores.rows());
      metrics.put(ModelScores.COLD_START_ROWS, (double) scores.coldStartRows());
      metrics.values().removeIf(value -> !Double.isFinite(value));
    }
    String gate = null;
    boolean blessed = true;
    if (context.hasInput("decision")) {
      gate = Gate.recorded(context.input("decision")).orElse(null);
      blessed = Gate.blesses(context.input("decision"));
    }
    try {
      // kept first: the registry gets a version only once its bundle is where it points
      String bundleUri =
          jobs.bundles()
              .mirror(ArtifactStore.uriOf(context.runId(), model.step(), model.port()), bundle);
      return new RegisteredVersion(
          pipeline,
          0,
          context.runId(),
          ModelVersion.of(bundle),
          bundleUri,
          TreeHash.of(bundle).sha256(),
          Optional.of(PushedImage.read(context.input("image")).pinnedReference()),
          manifest.path("data_fingerprint").asText(""),
          options,
          metrics,
          gate,
          blessed,
          VersionStatus.REGISTERED,
          jobs.clock().instant());
    } catch (IOException e) {
      throw new ComponentException(
          NAME
              + ": cannot read or keep the job's model, or read its pushed image: "
              + e.getMessage(),
          e);
    }
  }
}
