package io.recopipe.components.deploy;

import io.recopipe.components.api.StepLog;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Moves the stable port from the previous revision to a new one. The preferred path has no gap: the
 * new process also listens on the stable port (SO_REUSEPORT, both answer for a moment), then the
 * old one stops gracefully, finishing its in-flight requests.
 *
 * <p>Fallback: a server that cannot share the port answers {@code /admin/listen} with 409 or 503
 * (port busy); then the old revision is stopped first and listen retried, which leaves a brief gap
 * (typically well under a second) in which connections to the stable port are refused. The result
 * says whether that happened.
 */
final class Handover {
  private static final long RETRY_MILLIS = 100;
  private static final long RETRY_FOR_MILLIS = 10_000;
  private static final long VERIFY_FOR_MILLIS = 10_000;

  /** How the handover went: whether the old process was stopped, and whether there was a gap. */
  record Result(boolean oldStopped, boolean gap) {}

  private final StepLog log;
  private final Path serviceDir;

  Handover(StepLog log, Path serviceDir) {
    this.log = log;
    this.serviceDir = serviceDir;
  }

  /**
   * Makes {@code fresh} serve {@code stablePort} and stops {@code previous} (may be null); on
   * failure the exception's {@code previousStopped} tells whether the previous revision is gone.
   */
  Result run(ServingState fresh, Revision previous, int stablePort, String modelName)
      throws CheckFailedException {
    boolean oldStopped = false;
    boolean gap = false;
    ServingClient.Response listen = listen(fresh, stablePort);
    if (!listen.ok() && busy(listen) && previous != null && previous.alive()) {
      log.info(
          "deploy: the new revision cannot share port "
              + stablePort
              + " (HTTP "
              + listen.status()
              + "); stopping the old revision first (brief gap)");
      stop(previous);
      oldStopped = true;
      gap = true;
      long deadline = System.currentTimeMillis() + RETRY_FOR_MILLIS;
      while (!listen.ok() && busy(listen) && System.currentTimeMillis() < deadline) {
        pause();
        listen = listen(fresh, stablePort);
      }
    }
    if (!listen.ok()) {
      throw new CheckFailedException(
          "cannot listen on the stable port "
              + stablePort
              + ": HTTP "
              + listen.status()
              + " "
              + listen.snippet(),
          oldStopped);
    }
    if (previous != null && !oldStopped) {
      stop(previous);
      oldStopped = true;
    }
    verify(fresh, stablePort, modelName, oldStopped);
    return new Result(oldStopped, gap);
  }

  private void stop(Revision previous) {
    RevisionStopper.stop(
        previous.pid(),
        previous.adminPort(),
        AdminSecret.read(EndpointRegistry.revisionDir(serviceDir, previous.revision())));
  }

  private ServingClient.Response listen(ServingState fresh, int port) {
    try {
      return fresh
          .client()
          .post(fresh.adminPort(), "/admin/listen", Json.valueOf(Map.of("port", port)));
    } catch (IOException e) {
      return new ServingClient.Response(0, "admin API unreachable: " + e.getMessage());
    }
  }

  private static boolean busy(ServingClient.Response response) {
    return response.status() == 409 || response.status() == 503;
  }

  /** The stable port must report the new model version (after the old one stopped). */
  private void verify(ServingState fresh, int port, String modelName, boolean oldStopped)
      throws CheckFailedException {
    String path = "/v1/models/" + modelName;
    String last = "no answer";
    long deadline = System.currentTimeMillis() + VERIFY_FOR_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      try {
        ServingClient client = fresh.client();
        ServingClient.Response status = client.get(port, path);
        ServingClient.Response metadata = client.get(port, path + "/metadata");
        if (status.ok()
            && (status.body().contains(fresh.modelVersion())
                || metadata.body().contains(fresh.modelVersion()))) {
          return;
        }
        last = "HTTP " + status.status() + " " + status.snippet();
      } catch (IOException e) {
        last = e.toString();
      }
      pause();
    }
    throw new CheckFailedException(
        "the stable port "
            + port
            + " does not answer with model"
            + " version "
            + fresh.modelVersion()
            + " ("
            + last
            + ")",
        oldStopped);
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
