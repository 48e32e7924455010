package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.JibContainer;
import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.model.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code package} step: builds the serving container image (dependencies, application and model
 * bundle as separate Jib layers over a configurable base) as a reproducible tarball, so the
 * deployed model is an artifact with lineage like any other.
 *
 * <p>Parameters: {@code base_image} ({@code scratch}, {@code tar:PATH}/{@code docker-save:PATH} or
 * a registry reference), {@code serving_dist}, {@code image_name}, {@code image_tag} (default
 * {@code model-} and the model version) and {@code model_name}. When the profile installs an {@link
 * ImageTarget} (Artifact Registry), the image is pushed there instead (base: the target's
 * distroless Java unless {@code base_image} is set) and {@code image.json} holds its reference
 * ({@link PushedImage}). Labels carry the model version and name, never the run, so the same bundle
 * gives the same image bytes in any run or home.
 */
public final class PackageComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "package";

  private final Map<String, String> env;
  private final Path workingDir;

  /** Creates the component, finding the serving dist from the environment and working dir. */
  public PackageComponent() {
    this(System.getenv(), Path.of("").toAbsolutePath());
  }

  /** Creates the component with an explicit environment and working dir (for tests). */
  public PackageComponent(Map<String, String> env, Path workingDir) {
    super(
        NAME,
        "1",
        List.of(Port.of("model", ArtifactType.MODEL)),
        List.of(Port.of("image", ArtifactType.IMAGE)));
    this.env = Map.copyOf(env);
    this.workingDir = workingDir;
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    PackageSettings.check(NAME, parameters);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    Path bundleDir = context.input("model");
    String modelVersion = modelVersion(bundleDir);
    // The default tag is the model version, so the same model gives the same tarball in any run.
    PackageSettings settings =
        PackageSettings.parse(NAME, context.parameters(), "model-" + modelVersion, env, workingDir);
    ModelBundle bundle = verify(bundleDir);
    Path out = context.output("image");
    Optional<Path> archive = classData(context, settings, bundle);
    List<String> entrypoint =
        ServingImage.entrypoint(settings.modelName(), settings.dist(), archive.isPresent());
    Optional<ImageTarget> target = context.service(ImageTarget.class);
    if (target.isPresent()) {
      new ImagePush(context, target.get()).run(settings, bundleDir, modelVersion, out, archive);
      return;
    }
    Path tar = out.resolve(ImageDescription.TARBALL);
    long start = System.nanoTime();
    JibContainer container;
    try {
      container =
          new JibImageWriter(NAME, context.cacheDirectory().resolve("jib"), context.log())
              .write(
                  settings.base(),
                  ServingImage.layers(settings.dist(), bundleDir, archive),
                  entrypoint,
                  ServingImage.PORT,
                  ServingImage.labels(modelVersion, settings.modelName()),
                  settings.image(),
                  tar,
                  DistLayerCache.of(settings.dist()));
    } catch (IOException e) {
      throw new ComponentException(NAME + ": cannot read the layer files: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ImageDescription description = describe(settings, container, tar, archive.isPresent());
    try {
      description.write(out);
      context.metric("image_bytes", Files.size(tar));
    } catch (IOException e) {
      throw new ComponentException(
          NAME + ": cannot write " + out.resolve(ImageDescription.FILE) + ": " + e.getMessage(), e);
    }
    context.metric("build_seconds", seconds);
    context
        .log()
        .info(
            String.format(
                "built %s (%s, model %s, %d layers) in %.1f s",
                description.image(),
                description.digest(),
                modelVersion,
                description.layers().size(),
                seconds));
  }

  /**
   * The class-data archive for the image ({@link ClassDataArchive}), built by the JVM running this
   * step; without one (a dist without a server, or a failed training run, logged) the image simply
   * starts without it.
   */
  private static Optional<Path> classData(
      StepContext context, PackageSettings settings, ModelBundle bundle) {
    long start = System.nanoTime();
    String user = bundle.model().users().size() == 0 ? "" : bundle.model().users().id(0);
    try {
      Optional<Path> archive =
          ClassDataArchive.obtain(
              settings.dist(),
              bundle.directory(),
              settings.modelName(),
              user,
              context.cacheDirectory().resolve("class-data"));
      archive.ifPresent(
          file ->
              context
                  .log()
                  .info(
                      String.format(
                          "class-data archive %s for JVM %s (%.1f s)",
                          file,
                          System.getProperty("java.vm.version"),
                          (System.nanoTime() - start) / 1e9)));
      return archive;
    } catch (IOException e) {
      context.log().info("no class-data archive (the image starts without one): " + e.getMessage());
      return Optional.empty();
    }
  }

  private static ImageDescription describe(
      PackageSettings settings, JibContainer container, Path tar, boolean classData)
      throws ComponentException {
    try {
      ImageTarball image = ImageTarball.open(tar);
      List<ImageLayer> blobs = image.layers();
      List<String> appNames =
          classData
              ? List.of(
                  ServingImage.DEPENDENCIES,
                  ServingImage.APPLICATION,
                  ServingImage.CLASS_DATA,
                  ServingImage.MODEL)
              : List.of(ServingImage.DEPENDENCIES, ServingImage.APPLICATION, ServingImage.MODEL);
      int baseCount = blobs.size() - appNames.size();
      List<ImageDescription.Layer> layers = new ArrayList<>();
      for (int i = 0; i < blobs.size(); i++) {
        String name = i < baseCount ? ServingImage.BASE : appNames.get(i - baseCount);
        layers.add(new ImageDescription.Layer(name, blobs.get(i).digest(), blobs.get(i).size()));
      }
      return new ImageDescription(
          settings.image(),
          container.getDigest().toString(),
          container.getImageId().toString(),
          settings.base().spec(),
          image.config().entrypoint(),
          image.config().ports(),
          image.config().labels(),
          layers);
    } catch (IOException e) {
      throw new ComponentException(NAME + ": cannot read back " + tar + ": " + e.getMessage(), e);
    }
  }

  /** Loads (and so fully verifies) the bundle before anything is built from it. */
  private static ModelBundle verify(Path dir) throws ComponentException {
    try {
      return ModelBundle.load(dir);
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException(
          NAME + ": cannot load the model bundle at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String modelVersion(Path dir) throws ComponentException {
    try {
      return ModelVersion.of(dir);
    } catch (IOException e) {
      throw new ComponentException(
          NAME + ": cannot read " + dir.resolve(ModelVersion.MANIFEST) + ": " + e.getMessage(), e);
    }
  }
}
