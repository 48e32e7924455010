package io.recopipe.pipeline.runner;

import io.recopipe.components.api.StepContext;
import io.recopipe.pipeline.dsl.Condition;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The toy pipeline the runner tests use: ingest → train → gate → export (when blessed), every step
 * deterministic so hashes can be compared across homes and runs.
 */
final class ToyPipeline {
  static final String NAME = "toy";

  final ToyComponent ingest;
  final ToyComponent train;
  final ToyComponent gate;
  final ToyComponent export;

  /** The pipeline with a plain train step. */
  ToyPipeline() {
    this(c -> train(c, 0, null));
  }

  /** The pipeline whose train step runs {@code trainBody}. */
  ToyPipeline(ToyComponent.Body trainBody) {
    this(trainBody, 0);
  }

  /**
   * The pipeline whose train step runs {@code trainBody} and whose other steps pause {@code
   * pauseMillis} halfway through writing (so a kill can land inside each of them).
   */
  ToyPipeline(ToyComponent.Body trainBody, long pauseMillis) {
    ingest =
        new ToyComponent(
            "ingest", List.of(), List.of(ToyComponent.dataset()), c -> ingest(c, pauseMillis));
    train =
        new ToyComponent(
            "train", List.of(ToyComponent.dataset()), List.of(ToyComponent.model()), trainBody);
    gate =
        new ToyComponent(
            "gate",
            List.of(ToyComponent.model()),
            List.of(ToyComponent.decision()),
            c -> gate(c, pauseMillis));
    export =
        new ToyComponent(
            "export",
            List.of(ToyComponent.model()),
            List.of(ToyComponent.model()),
            c -> export(c, pauseMillis));
  }

  Pipeline build(boolean cacheTrain, RetryPolicy trainRetry) {
    return Pipeline.builder(NAME)
        .step("ingest", ingest)
        .step("train", train)
        .input("dataset", "ingest", "dataset")
        .cache(cacheTrain)
        .retry(trainRetry)
        .step("gate", gate)
        .input("model", "train", "model")
        .step("export", export)
        .input("model", "train", "model")
        .when(Condition.whenBlessed("gate", "decision"))
        .build();
  }

  Pipeline build() {
    return build(true, RetryPolicy.of(3, Duration.ofMillis(1), 2.0));
  }

  static void ingest(StepContext c, long pauseMillis) throws Exception {
    int rows = Integer.parseInt(c.parameters().getOrDefault("rows", "20"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      text.append(i % 7).append('\t').append(i % 5).append('\t').append(1 + i % 5).append('\n');
    }
    ToyComponent.write(c.output("dataset"), "ratings.tsv", text.toString());
    Thread.sleep(pauseMillis);
    ToyComponent.write(c.output("dataset"), "report.json", "{\"rows\": " + rows + "}\n");
    c.metric("rows", rows);
    c.log().progress("wrote " + rows + " rows");
  }

  /** Sums the ratings; sleeps {@code sleepMillis} in slices, touching {@code startedMarker}. */
  static void train(StepContext c, long sleepMillis, Path startedMarker) throws Exception {
    List<String> lines = Files.readAllLines(c.input("dataset").resolve("ratings.tsv"));
    Path out = c.output("model");
    if (startedMarker != null) {
      Files.writeString(startedMarker, "started");
    }
    long sum = 0;
    for (int i = 0; i < lines.size(); i++) {
      sum += Long.parseLong(lines.get(i).split("\t")[2]);
      ToyComponent.write(out, "part-" + i + ".txt", "partial " + sum + "\n");
      if (sleepMillis > 0) {
        Thread.sleep(sleepMillis / lines.size());
      }
    }
    ToyComponent.write(
        out,
        "model.txt",
        "sum " + sum + " factor " + c.parameters().getOrDefault("num_factors", "2") + "\n");
    c.metric("loss", 1.0 / (1 + sum));
  }

  static void gate(StepContext c, long pauseMillis) throws Exception {
    boolean blessed = Boolean.parseBoolean(c.parameters().getOrDefault("blessed", "true"));
    ToyComponent.write(c.output("decision"), "checks.txt", "none\n");
    Thread.sleep(pauseMillis);
    ToyComponent.write(
        c.output("decision"), "decision.json", "{\"blessed\": " + blessed + ", \"checks\": []}\n");
  }

  static void export(StepContext c, long pauseMillis) throws Exception {
    String model = ToyComponent.read(c.input("model"), "model.txt");
    ToyComponent.write(c.output("model"), "model.txt", model);
    Thread.sleep(pauseMillis);
    ToyComponent.write(
        c.output("model"),
        "champion.txt",
        c.championModel().isPresent() ? "had a champion\n" : "first\n");
  }
}
