package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local endpoint registry ({@code HOME/serving/endpoints.json}): which revisions were deployed,
 * which one serves the stable port, and why the others stopped; it is what {@code recopipe
 * endpoints} lists and {@code recopipe undeploy} acts on.
 *
 * <p>Everything lives under one home's service directory and is written atomically (temp file +
 * rename), so two homes never interfere and a reader never sees a half-written file. Instances are
 * snapshots: mutators change this object and {@link #save()} writes it.
 */
public final class EndpointRegistry {
  /** The registry's file name inside the service directory. */
  public static final String FILE = "endpoints.json";

  /** The admin journal's file name inside a revision directory. */
  public static final String JOURNAL = "admin-journal.jsonl";

  /** Where the journals of removed revision directories are kept ({@code <id>.jsonl}). */
  public static final String ARCHIVED_JOURNALS = "journals";

  private final Path serviceDir;
  private int stablePort;
  private String modelName;
  private final List<Revision> revisions;

  private EndpointRegistry(
      Path serviceDir, int stablePort, String modelName, List<Revision> revisions) {
    this.serviceDir = serviceDir;
    this.stablePort = stablePort;
    this.modelName = modelName;
    this.revisions = new ArrayList<>(revisions);
  }

  /** Reads the registry of {@code serviceDir}; an empty registry when there is none yet. */
  public static EndpointRegistry load(Path serviceDir) throws IOException {
    Path file = serviceDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new EndpointRegistry(serviceDir, 0, "", List.of());
    }
    try {
      ObjectNode json = JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
      List<Revision> revisions = new ArrayList<>();
      for (JsonNode value : JsonFields.array(json, "revisions")) {
        revisions.add(current(serviceDir, Revision.fromJson(JsonFields.asObject(value))));
      }
      return new EndpointRegistry(
          serviceDir,
          (int) JsonFields.longValue(json, "stable_port"),
          JsonFields.string(json, "model_name", ""),
          revisions);
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A serving revision with the pid its state file names now: a revision its supervisor restarted
   * runs as a new process on the same ports.
   */
  private static Revision current(Path serviceDir, Revision r) {
    if (r.status() != RevisionStatus.SERVING) {
      return r;
    }
    return ServingState.read(revisionDir(serviceDir, r.revision()).resolve("state.json"))
        .filter(state -> state.pid() != r.pid())
        .map(
            state ->
                new Revision(
                    r.revision(),
                    r.modelVersion(),
                    r.runId(),
                    r.imageDigest(),
                    state.port(),
                    state.adminPort(),
                    state.pid(),
                    r.status(),
                    r.since(),
                    r.stoppedAt(),
                    r.reason()))
        .orElse(r);
  }

  /** Whether process {@code pid} is alive. */
  public static boolean alive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The directory of revision {@code id} under {@code serviceDir}. */
  public static Path revisionDir(Path serviceDir, String id) {
    return serviceDir.resolve("revisions").resolve(id);
  }

  /** The service directory this registry lives in. */
  public Path serviceDir() {
    return serviceDir;
  }

  /** The registry file. */
  public Path file() {
    return serviceDir.resolve(FILE);
  }

  /** The stable port of the last deploy (0 when nothing was deployed). */
  public int stablePort() {
    return stablePort;
  }

  /** The model name of the last deploy ("" when nothing was deployed). */
  public String modelName() {
    return modelName;
  }

  /** The stable endpoint's {@code :predict} URL, or empty when nothing was deployed. */
  public Optional<String> url() {
    return stablePort == 0 ? Optional.empty() : Optional.of(predictUrl(stablePort, modelName));
  }

  /** Every revision, oldest first. */
  public List<Revision> revisions() {
    return List.copyOf(revisions);
  }

  /** The revision serving the stable port, if any (its process may have died: see alive()). */
  public Optional<Revision> serving() {
    for (int i = revisions.size() - 1; i >= 0; i--) {
      if (revisions.get(i).status() == RevisionStatus.SERVING) {
        return Optional.of(revisions.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Stops the serving revision ({@code /admin/stop}, else by pid), marks it stopped and saves;
   * returns it, or empty when nothing was serving.
   */
  public Optional<Revision> undeploy() throws IOException {
    Optional<Revision> current = serving();
    if (current.isPresent()) {
      Revision r = current.get();
      RevisionStopper.stop(
          r.pid(), r.adminPort(), AdminSecret.read(revisionDir(serviceDir, r.revision())));
      put(r.withStatus(RevisionStatus.STOPPED, Instant.now(), "undeployed"));
      save();
    }
    return current;
  }

  /**
   * Whether the endpoint answers where a deploy with {@code parameters} (the deploy step's, keys
   * without the step prefix) would put it: the same stable port and model name, so "already
   * serving" never hides a changed URL.
   *
   * @throws ComponentException when the parameters are invalid
   */
  public boolean configuredAs(Map<String, String> parameters) throws ComponentException {
    DeploySettings settings = DeploySettings.parse(DeployComponent.NAME, parameters);
    return settings.port() == stablePort && settings.modelName().equals(modelName);
  }

  /** The {@code :predict} URL of model {@code name} on loopback port {@code port}. */
  public static String predictUrl(int port, String name) {
    return "http://127.0.0.1:" + port + "/v1/models/" + name + ":predict";
  }

  /** Records the stable port and model name the endpoint now uses. */
  void endpoint(int port, String name) {
    this.stablePort = port;
    this.modelName = name;
  }

  /** Adds {@code revision}, or replaces the one with the same id. */
  void put(Revision revision) {
    for (int i = 0; i < revisions.size(); i++) {
      if (revisions.get(i).revision().equals(revision.revision())) {
        revisions.set(i, revision);
        return;
      }
    }
    revisions.add(revision);
  }

  /** Writes the registry atomically. */
  void save() throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("stable_port", stablePort);
    json.put("model_name", modelName);
    json.put("url", url().orElse(null));
    List<JsonNode> list = new ArrayList<>();
    for (Revision r : revisions) {
      list.add(r.toJson());
    }
    json.put("revisions", list);
    byte[] bytes = (Json.pretty(Json.valueOf(json)) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file(), out -> out.write(bytes));
  }
}
