package io.recopipe.pipeline.kfp;

import io.recopipe.infra.vertex.ChampionDownload;
import io.recopipe.pipeline.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a step running in a pipeline container finds its pipeline's champion bundle (on the gcp
 * profile: the {@code champion} alias of the Vertex AI Model Registry), so the gate and evaluate
 * compare with the champion on Vertex as they do under the local runner.
 */
@FunctionalInterface
public interface ChampionSource {
  /** No champion anywhere (the embedded profile in a container: no registry to ask). */
  ChampionSource NONE = (pipeline, into) -> Optional.empty();

  /**
   * The champion bundle of {@code pipeline}, fetched under {@code into} when it is remote; empty
   * when the pipeline has no champion yet.
   */
  Optional<Path> champion(String pipeline, Path into) throws IOException;

  /**
   * The {@value ModelRegistry#CHAMPION} version's bundle as {@code downloads} fetches it: the
   * artifact the {@code register} task of a job ({@link JobRegistry#onVertex}) or a {@code run
   * --profile gcp} recorded in the artifact store.
   */
  static ChampionSource of(ChampionDownload downloads) {
    return (pipeline, into) -> downloads.download(pipeline, ModelRegistry.CHAMPION, into);
  }
}
