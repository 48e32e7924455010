package io.recopipe.pipeline.web;

import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages read and act on: one home's runner, its reviewer actions and the pipeline
 * definitions by name; actions run one at a time so a double-clicked approval waits and is then
 * refused as already decided instead of deploying twice.
 */
public final class ReviewSite {
  private final LocalRunner runner;
  private final HomeReview review;
  private final ModelRegistry registry;
  private final Map<String, Pipeline> pipelines;
  private final Promotions promotions;
  private final PrintStream progress;
  private final InsightCache insights;
  private final Object actions = new Object();

  /**
   * A site over {@code runner}'s home, its model {@code registry} and its {@code review} services
   * for {@code pipelines}; resumed runs (approve, rollback) write their progress lines to {@code
   * progress}.
   */
  public ReviewSite(
      LocalRunner runner,
      ModelRegistry registry,
      HomeReview review,
      List<Pipeline> pipelines,
      Clock clock,
      PrintStream progress) {
    this.runner = runner;
    this.registry = registry;
    this.review = review;
    this.pipelines = new LinkedHashMap<>();
    pipelines.forEach(p -> this.pipelines.put(p.name(), p));
    this.promotions = new Promotions(runner, registry, review, this::pipeline, clock);
    this.progress = progress;
    this.insights = new InsightCache(runner);
  }

  LocalRunner runner() {
    return runner;
  }

  /** The review services the site was built with. */
  HomeReview review() {
    return review;
  }

  /** The model registry the site was built with. */
  ModelRegistry registry() {
    return registry;
  }

  Promotions promotions() {
    return promotions;
  }

  InsightCache insights() {
    return insights;
  }

  /** The pipeline names, in the order given. */
  List<String> pipelineNames() {
    return List.copyOf(pipelines.keySet());
  }

  /** The definition of {@code name}; 404 when the server does not know it. */
  Pipeline pipeline(String name) {
    return known(name).orElseThrow(() -> new WebException(404, "no pipeline " + name));
  }

  Optional<Pipeline> known(String name) {
    return Optional.ofNullable(pipelines.get(name));
  }

  /** Options for runs an action resumes. */
  RunOptions runOptions() {
    return RunOptions.to(progress);
  }

  /** Runs {@code action} while no other action runs. */
  <T> T exclusively(Action<T> action) throws Exception {
    synchronized (actions) {
      return action.run();
    }
  }

  /** A reviewer action that may be refused. */
  @FunctionalInterface
  interface Action<T> {
    T run() throws Exception;
  }
}
