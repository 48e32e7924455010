package io.recopipe.components.deploy;

import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code deploy} step (local): runs the image's serving process with the host's JRE, checks it
 * (ready, smoke test against the bundle), hands it the stable port and stops the old revision; any
 * failed check keeps the old revision serving and ends the run ROLLED_BACK.
 *
 * <p>Parameters: {@code enabled} (true), {@code port} (8501), {@code model_name} ({@code
 * recommender_model}), {@code smoke_users} (3), {@code ready_timeout_seconds} (60), {@code java}
 * (the running JVM's). Output {@code endpoint}: {@code endpoint.json}. When the profile installs a
 * {@link DeployTarget} (Cloud Run), the pushed image goes there instead, with {@code
 * canary_percent} (0) of the traffic first.
 */
public final class DeployComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "deploy";

  /** The file inside the ENDPOINT output. */
  public static final String ENDPOINT_FILE = "endpoint.json";

  /** Creates the component. */
  public DeployComponent() {
    super(
        NAME,
        "1",
        List.of(Port.of("image", ArtifactType.IMAGE), Port.of("model", ArtifactType.MODEL)),
        List.of(Port.of("endpoint", ArtifactType.ENDPOINT)));
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    DeploySettings.parse(NAME, parameters);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    DeploySettings settings = DeploySettings.parse(NAME, context.parameters());
    Path endpointFile = context.output("endpoint").resolve(ENDPOINT_FILE);
    if (!settings.enabled()) {
      Map<String, Object> off = new LinkedHashMap<>();
      off.put("deployed", false);
      off.put("reason", "deploy.enabled=false");
      writeJson(endpointFile, off);
      context.log().info("deploy: disabled (enabled=false); nothing was started");
      return;
    }
    Optional<DeployTarget> target = context.service(DeployTarget.class);
    if (target.isPresent()) {
      writeJson(endpointFile, TargetDeploy.run(context, settings, target.get()));
      return;
    }
    ModelBundle model = loadModel(context.input("model"));
    Path image = context.input("image");
    Path serviceDir = context.serviceDirectory();
    try {
      Files.createDirectories(serviceDir);
      try (DeployLock lock = DeployLock.acquire(serviceDir)) {
        Map<String, Object> endpoint =
            new RevisionDeploy(context, settings, model, image, serviceDir).run();
        writeJson(endpointFile, endpoint);
      }
    } catch (IOException e) {
      throw new ComponentException(NAME + ": " + e.getMessage(), e);
    }
  }

  private static ModelBundle loadModel(Path dir) throws ComponentException {
    try {
      return ModelBundle.load(dir);
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException(
          NAME + ": cannot load the model bundle at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void writeJson(Path file, Map<String, Object> map) throws ComponentException {
    byte[] bytes =
        (Json.pretty(Json.valueOf(new LinkedHashMap<>(map))) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new ComponentException(NAME + ": cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The endpoint description of a serving revision, as {@code endpoint.json} holds it. */
  static Map<String, Object> endpoint(Revision r, int stablePort, String modelName, boolean gap) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("deployed", true);
    map.put("url", EndpointRegistry.predictUrl(stablePort, modelName));
    map.put("stable_port", stablePort);
    map.put("model_name", modelName);
    map.put("revision", r.revision());
    map.put("model_version", r.modelVersion());
    map.put("pid", r.pid());
    map.put("port", r.port());
    map.put("admin_port", r.adminPort());
    map.put("since", r.since().toString());
    map.put("handover", gap ? "stop_first" : "reuse_port");
    return map;
  }
}
