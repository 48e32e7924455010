package io.recopipe.pipeline.bench;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
            ids("u", USERS),
            ids("i", items),
            FACTORS,
            3.5f,
            gaussian(random, USERS * FACTORS, sigma),
            gaussian(random, USERS, 0.3),
            gaussian(random, items * FACTORS, sigma),
            gaussian(random, items, 0.3));
    ItemScorer scorer =
        "screened".equals(mode) ? new ItemScorer(model) : ItemScorer.withoutScreen(model);
    recommender = new Recommender(scorer, rated(random));
  }

  /** One user's top-N, rated items excluded, as the server answers it. */
  @Benchmark
  public Recommendation topN() {
    next = (next + 1) % USERS;
    return recommender.recommend(model.users().id(next), topN, true);
  }

  private RatedItems rated(SplittableRandom random) {
    int[] offsets = new int[USERS + 1];
    IntStream.Builder all = IntStream.builder();
    for (int u = 0; u < USERS; u++) {
      int[] row = random.ints(RATED_PER_USER, 0, items).sorted().distinct().toArray();
      for (int item : row) {
        all.add(item);
      }
      offsets[u + 1] = offsets[u] + row.length;
    }
    return RatedItems.fromCsr(offsets, all.build().toArray(), items);
  }

  private static float[] gaussian(SplittableRandom random, int count, double sigma) {
    float[] values = new float[count];
    for (int n = 0; n < count; n++) {
      double u1 = 1 - random.nextDouble();
      double u2 = random.nextDouble();
      values[n] = (float) (sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    }
    return values;
  }

  private static IdDictionary ids(String prefix, int count) {
    return IdDictionary.of(IntStream.range(0, count).mapToObj(n -> prefix + n).toList());
  }
}
