package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.Preset;
import io.recopipe.components.synthetic.RandomSplit;
import io.recopipe.components.synthetic.SyntheticDataset;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.components.synthetic.SyntheticSpec;
import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a synthetic MovieLens-shaped data set as tab-separated files, so benchmarks and other
 * tools can run on data of the real shape at every scale without redistributing MovieLens.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes a synthetic MovieLens-shaped data set (ratings.tsv: user item rating"
            + " timestamp, tab-separated, no header; train.tsv/test.tsv with --test-fraction).")
final class GenerateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "ml-100k, ml-1m or ml-20m (exact MovieLens sizes).")
  private String preset;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Custom size: users (with --items, --ratings).")
  private Integer users;

  @Option(names = "--items", paramLabel = "N", description = "Custom size: items.")
  private Integer items;

  @Option(names = "--ratings", paramLabel = "N", description = "Custom size: ratings.")
  private Integer ratings;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
  private Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "Random seed; the same seed writes identical files" + " (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--test-fraction",
      paramLabel = "F",
      description = "Also write train.tsv and test.tsv, holding out this fraction (0 < F < 1).")
  private Double testFraction;

  @Override
  public Integer call() throws Exception {
    SyntheticSpec size = size();
    if (testFraction != null && !(testFraction > 0 && testFraction < 1)) {
      throw new InvalidInputException(
          "--test-fraction must be between 0 and 1, got " + testFraction);
    }
    long start = System.nanoTime();
    SyntheticDataset data = SyntheticGenerator.generate(size, seed);
    TsvRatingsWriter.write(data.ratings(), out.resolve("ratings.tsv"));
    String split = "";
    if (testFraction != null) {
      TrainTestSplit parts = RandomSplit.split(data.ratings(), testFraction, seed);
      TsvRatingsWriter.write(parts.train(), out.resolve("train.tsv"));
      TsvRatingsWriter.write(parts.test(), out.resolve("test.tsv"));
      split =
          String.format(
              Locale.ROOT,
              "; train.tsv %d rows, test.tsv %d rows",
              parts.train().size(),
              parts.test().size());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "generated %s (seed %d): %d ratings, %d users, %d items, planted noise sd %.2f"
                + " (planted RMSE %.3f) -> %s%s in %.1f s%n",
            preset == null ? "custom" : Preset.fromName(preset).cliName(),
            seed,
            data.ratings().size(),
            data.ratings().users().size(),
            data.ratings().items().size(),
            data.plantedNoiseSd(),
            data.plantedRmse(),
            out.resolve("ratings.tsv"),
            split,
            seconds);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private SyntheticSpec size() {
    boolean custom = users != null || items != null || ratings != null;
    if (preset != null && custom) {
      throw new InvalidInputException(
          "give either --preset or --users/--items/--ratings, not both");
    }
    if (preset != null) {
      return SyntheticSpec.of(Preset.fromName(preset));
    }
    if (users == null || items == null || ratings == null) {
      throw new InvalidInputException(
          "give --preset NAME (ml-100k, ml-1m, ml-20m) or all of"
              + " --users, --items and --ratings");
    }
    return SyntheticSpec.custom(users, items, ratings);
  }
}
