package io.recopipe.components.deploy;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.packaging.ServingResources;
import io.recopipe.model.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One deploy of one image into a home's service directory, under its lock: unpack, launch, check,
 * hand over, register — or roll back. Split from {@link DeployComponent} so the step itself only
 * parses parameters and writes its output.
 */
final class RevisionDeploy {
  private final StepContext context;
  private final DeploySettings settings;
  private final ModelBundle model;
  private final Path image;
  private final Path serviceDir;

  RevisionDeploy(
      StepContext context,
      DeploySettings settings,
      ModelBundle model,
      Path image,
      Path serviceDir) {
    this.context = context;
    this.settings = settings;
    this.model = model;
    this.image = image;
    this.serviceDir = serviceDir;
  }

  /** Deploys; returns the endpoint description, or throws RolledBackException. */
  Map<String, Object> run() throws IOException, ComponentException {
    ServingClient.warmUpInBackground();
    EndpointRegistry registry = EndpointRegistry.load(serviceDir);
    Revision previous = currentlyServing(registry);
    ImageEntrypoint entry = ImageEntrypoint.read(image);
    String id = newRevisionId(registry, entry.digest());
    Path dir = EndpointRegistry.revisionDir(serviceDir, id);
    Files.createDirectories(dir);
    AdminSecret.create(dir);
    Path rootfs = dir.resolve(ServingLauncher.ROOTFS);
    long started = System.nanoTime();
    io.recopipe.components.packaging.ImageTarball tarball =
        io.recopipe.components.packaging.ImageTarball.open(image.resolve(ImageEntrypoint.TARBALL));
    tarball.extractTo(rootfs);
    context.log().info("deploy: unpacked " + tarball.layerCount() + " layers into " + rootfs);
    ServingResources resources = ServingResources.local();
    List<String> command =
        ServingLauncher.command(
            settings.java(), entry, rootfs, settings.modelName(), dir, settings.host(), resources);
    resources.record(dir);
    context.log().info("deploy: serving settings " + resources.describe());
    SmokeTest smoke = new SmokeTest(model, settings.modelName()).prepare(settings.smokeUsers());
    Instant since = Instant.now();
    Revision fresh =
        new Revision(
            id,
            "",
            context.runId(),
            entry.digest(),
            0,
            0,
            0,
            RevisionStatus.SERVING,
            since,
            null,
            null);
    RevisionLaunch.Ready ready = null;
    try {
      ready = RevisionLaunch.launch(command, dir, settings.readyTimeout());
      ServingState state = ready.state();
      fresh =
          new Revision(
              id,
              state.modelVersion(),
              context.runId(),
              entry.digest(),
              state.port(),
              state.adminPort(),
              state.pid(),
              RevisionStatus.SERVING,
              since,
              null,
              null);
      context.metric("deploy_ready_seconds", (System.nanoTime() - started) / 1e9);
      context
          .log()
          .info(
              "deploy: "
                  + id
                  + " ready on port "
                  + state.port()
                  + " (pid "
                  + state.pid()
                  + ", model "
                  + state.modelVersion()
                  + ")");
      smoke.run(state, settings.smokeUsers());
      Handover.Result handover =
          new Handover(context.log(), serviceDir)
              .run(state, previous, settings.port(), settings.modelName());
      if (previous != null) {
        registry.put(
            previous.withStatus(RevisionStatus.STOPPED, Instant.now(), "replaced by " + id));
      }
      registry.put(fresh);
      registry.endpoint(settings.port(), settings.modelName());
      registry.save();
      context
          .log()
          .info(
              "deploy: "
                  + id
                  + " serves "
                  + EndpointRegistry.predictUrl(settings.port(), settings.modelName()));
      for (String removed : RevisionCleanup.apply(registry)) {
        context.log().info("deploy: removed the unpacked revision " + removed);
      }
      return DeployComponent.endpoint(fresh, settings.port(), settings.modelName(), handover.gap());
    } catch (CheckFailedException e) {
      throw new Rollback(registry, serviceDir, context.log())
          .apply(fresh, ready, previous, e, settings.port(), settings.readyTimeout());
    } catch (IOException | RuntimeException e) {
      CheckFailedException failure = new CheckFailedException("unexpected error: " + e, false);
      throw new Rollback(registry, serviceDir, context.log())
          .apply(fresh, ready, previous, failure, settings.port(), settings.readyTimeout());
    }
  }

  /** The serving revision if its process lives; a dead one is marked failed. */
  private static Revision currentlyServing(EndpointRegistry registry) throws IOException {
    Revision serving = registry.serving().orElse(null);
    if (serving != null && !serving.alive()) {
      registry.put(
          serving.withStatus(
              RevisionStatus.FAILED,
              Instant.now(),
              "process " + serving.pid() + " was gone at the next deploy"));
      registry.save();
      return null;
    }
    return serving;
  }

  private String newRevisionId(EndpointRegistry registry, String digest) {
    String tag =
        digest.startsWith("sha256:") && digest.length() >= 19 ? digest.substring(7, 19) : "local";
    int n = registry.revisions().size() + 1;
    String id;
    do {
      id = String.format(Locale.ROOT, "r%04d-%s", n++, tag);
    } while (Files.exists(serviceDir.resolve("revisions").resolve(id)));
    return id;
  }
}
