package io.recopipe.pipeline.kfp;

import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.deploy.DeployComponent;
import io.recopipe.components.packaging.ModelVersion;
import io.recopipe.components.packaging.PushedImage;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.BundleWriter.IfExists;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
import io.recopipe.pipeline.dsl.Condition;
import io.recopipe.pipeline.dsl.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A pipeline shaped like the shipped one where it matters for promotion, with steps that run in
 * milliseconds: {@code data} stages a table, the gate blesses and asks for a reviewer when {@code
 * gate.force_review}, {@code export} writes a real model bundle (unique per job) and stages a
 * second table, {@code package} describes a pushed image, the real {@code deploy} step, and {@code
 * hybrid}, switched by a flag, which fails when {@code hybrid.fail}, after the blessed branch.
 */
final class ReleasePipeline {
  static final String NAME = "release";
  static final String REGISTRY = "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recommender";

  private ReleasePipeline() {}

  /** The config every job compiles with (booleans typed, the gate's forced review off). */
  static Map<String, String> config() {
    return Map.of(
        "gate.force_review", "false",
        "hybrid.enabled", "true",
        "hybrid.fail", "false",
        "deploy.enabled", "true",
        "promotion.policy", "auto");
  }

  static Pipeline definition() {
    return Pipeline.builder(NAME)
        .step("data", new Data())
        .step("gate", new ToyGate())
        .input("dataset", "data", "dataset")
        .step("export", new Export())
        .input("dataset", "data", "dataset")
        .when(Condition.whenBlessed("gate", "decision"))
        .step("package", new Package())
        .input("model", "export", "model")
        .step("deploy", new DeployComponent())
        .input("image", "package", "image")
        .input("model", "export", "model")
        .cache(false)
        .requiresApproval()
        .step("hybrid", new Hybrid())
        .input("decision", "gate", "decision")
        .build();
  }

  private abstract static class Toy extends AbstractComponent {
    Toy(String name, List<Port> inputs, List<Port> outputs) {
      super(name, "1", inputs, outputs);
    }

    @Override
    public void validate(Map<String, String> parameters) {}
  }

  /** Stages table {@code ratings} holding the job's id. */
  static final class Data extends Toy {
    Data() {
      super("data", List.of(), List.of(Port.of("dataset", ArtifactType.DATASET)));
    }

    @Override
    public void run(StepContext context) throws ComponentException {
      table(context, "ratings");
      write(context.output("dataset").resolve("rows.txt"), context.runId());
    }

    /** Writes tables: the compiler never caches it and hands it the job's name. */
    @Override
    public void publish(StepContext context) throws ComponentException {
      table(context, "ratings");
    }
  }

  /** Blesses; lists a review reason when {@code force_review} is true. */
  static final class ToyGate extends Toy {
    ToyGate() {
      super(
          "gate",
          List.of(Port.of("dataset", ArtifactType.DATASET)),
          List.of(Port.of("decision", ArtifactType.GATE_DECISION)));
    }

    @Override
    public void run(StepContext context) throws ComponentException {
      boolean review = Boolean.parseBoolean(context.parameters().get("force_review"));
      write(
          context.output("decision").resolve("decision.json"),
          "{\"blessed\": true, \"checks\": [], \"review_required\": ["
              + (review ? "\"response contract changed: score field renamed\"" : "")
              + "]}");
    }
  }

  /** Writes a model bundle whose provenance names the job, and stages {@code recommendations}. */
  static final class Export extends Toy {
    Export() {
      super(
          "export",
          List.of(Port.of("dataset", ArtifactType.DATASET)),
          List.of(Port.of("model", ArtifactType.MODEL)));
    }

    @Override
    public void publish(StepContext context) throws ComponentException {
      table(context, "recommendations");
    }

    @Override
    public void run(StepContext context) throws ComponentException {
      table(context, "recommendations");
      MfModel model =
          new MfModel(
              IdDictionary.of(List.of("u1", "u2")),
              IdDictionary.of(List.of("i1", "i2")),
              1,
              3.5f,
              new float[] {0.1f, 0.2f},
              new float[] {0.1f, -0.1f},
              new float[] {0.5f, 0.6f},
              new float[] {0.0f, 0.1f});
      String fingerprint = "sha256:" + context.runId();
      try {
        BundleWriter.write(
            context.output("model"),
            model,
            BundleManifest.builder()
                .feedbackType("EXPLICIT")
                .options(Map.of("num_factors", 1))
                .dataFingerprint(fingerprint)
                .provenance(Provenance.of(7, fingerprint, Map.of()))
                .build(),
            IfExists.REPLACE);
      } catch (IOException e) {
        throw new ComponentException("export: " + e.getMessage(), e);
      }
    }
  }

  /** Describes the image a push of the model would give, its digest from the model version. */
  static final class Package extends Toy {
    Package() {
      super(
          "package",
          List.of(Port.of("model", ArtifactType.MODEL)),
          List.of(Port.of("image", ArtifactType.IMAGE)));
    }

    @Override
    public void run(StepContext context) throws ComponentException {
      try {
        String version = ModelVersion.of(context.input("model"));
        String digest = "sha256:" + (version + "0".repeat(64)).substring(0, 64);
        new PushedImage(
                REGISTRY + ":model-" + version,
                "model-" + version,
                digest,
                "gcr.io/distroless/java21-debian12",
                List.of("java"),
                Map.of())
            .write(context.output("image"));
      } catch (IOException e) {
        throw new ComponentException("package: " + e.getMessage(), e);
      }
    }
  }

  /** Fails when {@code fail} is true: a task that can fail after the blessed branch has run. */
  static final class Hybrid extends Toy {
    Hybrid() {
      super("hybrid", List.of(Port.of("decision", ArtifactType.GATE_DECISION)), List.of());
    }

    @Override
    public void run(StepContext context) throws ComponentException {
      if (Boolean.parseBoolean(context.parameters().get("fail"))) {
        throw new ComponentException("hybrid: failed as the test asked");
      }
    }
  }

  private static void table(StepContext context, String name) throws ComponentException {
    try {
      context
          .warehouse()
          .replaceTable(
              name,
              List.of(new Column("run_id", "VARCHAR")),
              List.of(List.<Object>of(context.runId())));
    } catch (WarehouseException e) {
      throw new ComponentException(name + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) throws ComponentException {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new ComponentException(e.getMessage(), e);
    }
  }
}
