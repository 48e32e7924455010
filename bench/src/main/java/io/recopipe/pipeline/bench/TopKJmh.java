package io.recopipe.pipeline.bench;

import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmark of one served top-N request (the kernel behind {@code recopipe bench topk}):
 * JMH's forks, warm-up and dead-code guard give a per-call time that a hand-written loop cannot,
 * for exact scoring versus the int8-screened scorer on random models of the presets' catalog sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TopKJmh {
  private static final int USERS = 1024;
  private static final int FACTORS = 64;
  private static final int RATED_PER_USER = 100;

  /** Catalog size: the ml-100k, ml-1m and ml-20m presets' item counts. */
  @Param({"1682", "3706", "26744"})
  public int items;

  /** {@code exact} scores every item, {@code screened} ranks with int8 factors first. */
  @Param({"exact", "screened"})
  public String mode;

  @Param("50")
  public int topN;

  private MfModel model;
  private Recommender recommender;
  private int next;

  /** Builds the random model, the rated items and the scorer once per fork. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    double sigma = Math.sqrt(0.5 / Math.sqrt(FACTORS));
    model =
        new MfModel(
            RandomModels.ids("u", USERS),
            RandomModels.ids("i", items),
            FACTORS,
            3.5f,
            RandomModels.gaussian(random, USERS * FACTORS, sigma),
            RandomModels.gaussian(random, USERS, 0.3),
            RandomModels.gaussian(random, items * FACTORS, sigma),
            RandomModels.gaussian(random, items, 0.3));
    ItemScorer scorer =
        "screened".equals(mode) ? new ItemScorer(model) : ItemScorer.withoutScreen(model);
    recommender = new Recommender(scorer, RandomModels.rated(random, USERS, items, RATED_PER_USER));
  }

  /** One user's top-N, rated items excluded, as the server answers it. */
  @Benchmark
  public Recommendation topN() {
    next = (next + 1) % USERS;
    return recommender.recommend(model.users().id(next), topN, true);
  }
}
