package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.JibContainer;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package step's path when the profile installed an {@link ImageTarget}: the same layers,
 * entrypoint and labels as the tarball, pushed to the registry and described by a {@link
 * PushedImage}, so the deploy target can pull exactly this digest.
 */
final class ImagePush {
  private final StepContext context;
  private final ImageTarget target;

  ImagePush(StepContext context, ImageTarget target) {
    this.context = context;
    this.target = target;
  }

  void run(
      PackageSettings settings,
      Path bundleDir,
      String modelVersion,
      Path out,
      Optional<Path> archive)
      throws ComponentException {
    String step = PackageComponent.NAME;
    BaseImage base =
        context.parameters().containsKey(BaseImage.PARAMETER)
            ? settings.base()
            : BaseImage.parse(step, target.defaultBaseImage());
    List<String> entrypoint =
        ServingImage.entrypoint(settings.modelName(), settings.dist(), archive.isPresent());
    Map<String, String> labels = ServingImage.labels(modelVersion, settings.modelName());
    String reference = target.reference(settings.imageTag());
    context
        .log()
        .info("pushing " + reference + " to " + target.describe() + " (base " + base.spec() + ")");
    long start = System.nanoTime();
    JibContainer container;
    try {
      container =
          new JibImageWriter(step, context.cacheDirectory().resolve("jib"), context.log())
              .push(
                  base,
                  ServingImage.layers(settings.dist(), bundleDir, archive),
                  entrypoint,
                  ServingImage.PORT,
                  labels,
                  target,
                  settings.imageTag());
    } catch (IOException e) {
      throw new ComponentException(step + ": cannot read the layer files: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PushedImage pushed =
        new PushedImage(
            reference,
            settings.imageTag(),
            container.getDigest().toString(),
            base.spec(),
            entrypoint,
            labels);
    try {
      pushed.write(out);
    } catch (IOException e) {
      throw new ComponentException(
          step + ": cannot write " + out.resolve(PushedImage.FILE) + ": " + e.getMessage(), e);
    }
    context.metric("push_seconds", seconds);
    context
        .log()
        .info(
            String.format(
                "pushed %s (%s, model %s) in %.1f s",
                reference, pushed.digest(), modelVersion, seconds));
  }
}
