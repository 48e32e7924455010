package io.recopipe.pipeline.movielens;

import io.recopipe.components.deploy.DeployComponent;
import io.recopipe.components.evaluate.EvaluateComponent;
import io.recopipe.components.export.ExportComponent;
import io.recopipe.components.gate.GateComponent;
import io.recopipe.components.hybrid.HybridComponent;
import io.recopipe.components.ingest.IngestComponent;
import io.recopipe.components.packaging.PackageComponent;
import io.recopipe.components.train.TrainComponent;
import io.recopipe.components.tuning.TuneComponent;
import io.recopipe.pipeline.config.ConfigValidator;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.dsl.Condition;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The shipped {@code movielens-mf} pipeline, ingest → tune → train → evaluate → gate → export →
 * package → deploy, defined once in code so the local runner and the Vertex AI compiler run the
 * same graph; export, package and deploy run only when the gate blessed the model, and deploy is
 * never cached (a live endpoint is not an artifact that can be reused); under {@code promotion:
 * review} deploy waits for a reviewer's approval. The optional {@code hybrid} step (off unless
 * {@code hybrid.enabled}) fits and reports a hybrid model beside MF; nothing waits on it.
 */
public final class MovieLensMfPipeline {
  /** The pipeline's name, as runs record it. */
  public static final String NAME = "movielens-mf";

  private MovieLensMfPipeline() {}

  /**
   * The config a command runs with: the shipped one, {@code file} layered over it (when not null),
   * {@code overrides} on top, every key and value checked against this pipeline.
   *
   * @param gcpProfile whether the gcp profile will read the {@code gcp} section
   * @throws io.recopipe.pipeline.config.ConfigException listing every problem, one line
   */
  public static PipelineConfig config(
      Path file, Map<String, String> overrides, boolean gcpProfile) {
    return new ConfigValidator(definition())
        .validate(PipelineConfig.layered(file, overrides), gcpProfile);
  }

  /** Builds the definition. */
  public static Pipeline definition() {
    return Pipeline.builder(NAME)
        .step("ingest", new IngestComponent())
        .retry(RetryPolicy.of(3, Duration.ofSeconds(2), 2.0))
        .step("tune", new TuneComponent())
        .input("dataset", "ingest", "dataset")
        .step("train", new TrainComponent())
        .input("dataset", "ingest", "dataset")
        .input("tuning", "tune", "tuning")
        .step("hybrid", new HybridComponent())
        .input("dataset", "ingest", "dataset")
        .input("model", "train", "model")
        .step("evaluate", new EvaluateComponent())
        .input("dataset", "ingest", "dataset")
        .input("model", "train", "model")
        .step("gate", new GateComponent())
        .input("metrics", "evaluate", "metrics")
        .input("dataset", "ingest", "dataset")
        .input("model", "train", "model")
        .step("export", new ExportComponent())
        .input("model", "train", "model")
        .input("dataset", "ingest", "dataset")
        .when(Condition.whenBlessed("gate", "decision"))
        .step("package", new PackageComponent())
        .input("model", "export", "model")
        .step("deploy", new DeployComponent())
        .input("image", "package", "image")
        .input("model", "export", "model")
        .cache(false)
        .requiresApproval()
        .build();
  }
}
