package io.recopipe.components.deploy;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.packaging.ModelVersion;
import io.recopipe.components.packaging.PushedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The deploy step's path when the profile installed a {@link DeployTarget}: reads the pushed
 * image's reference and the model version, then hands them to the target, so the component itself
 * only chooses between local and remote.
 */
final class TargetDeploy {
  private TargetDeploy() {}

  static Map<String, Object> run(StepContext context, DeploySettings settings, DeployTarget target)
      throws ComponentException {
    Path imageDir = context.input("image");
    PushedImage image;
    String modelVersion;
    try {
      image = PushedImage.read(imageDir);
    } catch (IOException e) {
      throw new ComponentException(
          DeployComponent.NAME
              + ": cannot read the pushed image "
              + "reference from "
              + imageDir.resolve(PushedImage.FILE)
              + ": "
              + e.getMessage(),
          e);
    }
    Path modelDir = context.input("model");
    try {
      modelVersion = ModelVersion.of(modelDir);
    } catch (IOException e) {
      throw new ComponentException(
          DeployComponent.NAME
              + ": cannot read "
              + modelDir.resolve(ModelVersion.MANIFEST)
              + ": "
              + e.getMessage(),
          e);
    }
    int canary = settings.canaryPercent();
    context
        .log()
        .info(
            "deploy: "
                + image.reference()
                + " (model "
                + modelVersion
                + ") to "
                + target.describe()
                + (canary > 0 ? " with a " + canary + "% canary" : ""));
    return target.deploy(
        new DeployRequest(
            image.pinnedReference(), modelVersion, context.runId(), settings.modelName(), canary));
  }
}
