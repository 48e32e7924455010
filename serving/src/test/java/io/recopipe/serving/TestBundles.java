package io.recopipe.serving;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.provenance.Provenance;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.testing.PlantedRatings;
import java.io.IOException;
import java.nio.file.Path;

/** Small trained bundles (planted ratings, ALS) with rated items, for the server tests. */
final class TestBundles {
  private TestBundles() {}

  /** Trains on planted ratings drawn with {@code seed} and writes the bundle at dir/name. */
  static ModelBundle write(Path dir, String name, long seed) throws IOException {
    PlantedRatings.Split data = PlantedRatings.generate(80, 70, 3, 0.3, 0.2, seed);
    AlsResult fit =
        new AlsTrainer(
                AlsOptions.builder().numFactors(4).maxIterations(4).l2Reg(0.5).seed(seed).build())
            .fit(data.train());
    // names its run inside, as bundles written before content versions did
    Provenance provenance = Provenance.of(seed, fit.dataFingerprint());
    BundleManifest manifest =
        BundleManifest.forFit(fit)
            .metric("rmse", 0.5)
            .provenance(
                new Provenance(
                    provenance.codeVersion(),
                    provenance.gitCommit(),
                    seed,
                    fit.dataFingerprint(),
                    null,
                    "run-" + name))
            .build();
    return BundleWriter.write(
        dir.resolve(name),
        fit.model(),
        manifest,
        RatedItems.of(data.train(), fit.model()),
        BundleWriter.IfExists.FAIL);
  }
}
