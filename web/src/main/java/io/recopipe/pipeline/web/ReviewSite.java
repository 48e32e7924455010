package io.recopipe.pipeline.web;

import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
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
 * refused as already decided instead of deploying twice. On the gcp profile ({@link #gcp}) the
 * pending versions and the decisions are Google Cloud's: approvals in BigQuery, versions in the
 * Vertex AI Model Registry, approved versions deployed to Cloud Run.
 */
public final class ReviewSite {
  private final LocalRunner runner;
  private final HomeReview review;
  private final ModelRegistry registry;
  private final Map<String, Pipeline> pipelines;
  private final Promotions promotions;
  private final GcpPromotions gcp;
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
    this(runner, registry, review, null, pipelines, clock, progress);
  }

  /**
   * A site whose promotions are the gcp profile's {@code gcp} actions: {@code registry} is the
   * Vertex AI Model Registry and {@code review} holds the BigQuery approvals and audit log beside
   * the home's reviewers, who log in as usual.
   */
  public static ReviewSite gcp(
      LocalRunner runner,
      ModelRegistry registry,
      HomeReview review,
      GcpPromotions gcp,
      List<Pipeline> pipelines,
      Clock clock,
      PrintStream progress) {
    return new ReviewSite(runner, registry, review, gcp, pipelines, clock, progress);
  }

  private ReviewSite(
      LocalRunner runner,
      ModelRegistry registry,
      HomeReview review,
      GcpPromotions gcp,
      List<Pipeline> pipelines,
      Clock clock,
      PrintStream progress) {
    this.runner = runner;
    this.gcp = gcp;
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

  /** Pending approvals of {@code pipeline}, oldest first (stale ones are expired first). */
  List<Approval> pending(String pipeline) {
    return gcp != null ? gcp.pending(pipeline) : promotions.pending(pipeline);
  }

  /** The approval of {@code version}, in any state. */
  Optional<Approval> approval(String pipeline, int version) {
    return gcp != null ? gcp.approval(pipeline, version) : promotions.approval(pipeline, version);
  }

  /**
   * Approves {@code version}: resumes its waiting run of this home (on the gcp profile too, for a
   * {@code run --profile gcp}), or deploys a Vertex job's version to Cloud Run (gcp), with the same
   * four-eyes, comment and expiry rules.
   */
  void approve(String pipeline, int version, Reviewer reviewer, String comment)
      throws ReviewException {
    if (gcp != null) {
      gcp.approve(pipeline, version, reviewer, comment, runOptions());
    } else {
      promotions.approve(pipeline, version, reviewer, comment, runOptions());
    }
  }

  /** Rejects {@code version}; nothing is deployed, and its waiting run of this home ends. */
  void reject(String pipeline, int version, Reviewer reviewer, String comment)
      throws ReviewException {
    if (gcp != null) {
      gcp.reject(pipeline, version, reviewer, comment);
    } else {
      promotions.reject(pipeline, version, reviewer, comment);
    }
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
