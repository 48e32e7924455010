package io.recopipe.components.deploy;

import io.recopipe.components.api.RolledBackException;
import io.recopipe.components.api.StepLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Undoes a failed deploy: stops the new revision, makes sure the previous one still serves the
 * stable port (restarting it from its saved command if a failed handover had already stopped it),
 * records both in the registry and returns the one-line {@link RolledBackException}.
 */
final class Rollback {
  private final EndpointRegistry registry;
  private final Path serviceDir;
  private final StepLog log;

  Rollback(EndpointRegistry registry, Path serviceDir, StepLog log) {
    this.registry = registry;
    this.serviceDir = serviceDir;
    this.log = log;
  }

  /**
   * Rolls back {@code fresh} (its process may be null if it never started) after {@code failure};
   * {@code previous} is the revision that served before (null on a first deploy).
   */
  RolledBackException apply(
      Revision fresh,
      RevisionLaunch.Ready ready,
      Revision previous,
      CheckFailedException failure,
      int stablePort,
      Duration timeout)
      throws IOException {
    if (ready != null) {
      RevisionLaunch.stop(ready.started(), ready.state());
    }
    Instant now = Instant.now();
    registry.put(fresh.withStatus(RevisionStatus.ROLLED_BACK, now, failure.getMessage()));
    String outcome;
    if (previous == null) {
      outcome = "nothing was serving";
    } else if (!failure.previousStopped()) {
      outcome = "revision " + previous.revision() + " keeps serving";
    } else {
      outcome = restore(previous, stablePort, timeout);
    }
    registry.save();
    log.info(
        "deploy: rolled back " + fresh.revision() + ": " + failure.getMessage() + "; " + outcome);
    return new RolledBackException("deploy: " + failure.getMessage() + " (" + outcome + ")");
  }

  private String restore(Revision previous, int stablePort, Duration timeout) {
    Path dir = EndpointRegistry.revisionDir(serviceDir, previous.revision());
    RevisionLaunch.Ready ready = null;
    try {
      ready = RevisionLaunch.relaunch(dir, timeout);
      ServingState state = ready.state();
      new Handover(log, serviceDir).run(state, null, stablePort, registry.modelName());
      registry.put(
          new Revision(
              previous.revision(),
              state.modelVersion(),
              previous.runId(),
              previous.imageDigest(),
              state.port(),
              state.adminPort(),
              state.pid(),
              RevisionStatus.SERVING,
              previous.since(),
              null,
              null));
      return "revision " + previous.revision() + " was restarted and serves again";
    } catch (IOException | CheckFailedException | RuntimeException e) {
      if (ready != null) {
        RevisionLaunch.stop(ready.started(), ready.state());
      }
      registry.put(
          previous.withStatus(
              RevisionStatus.FAILED,
              Instant.now(),
              "could not be restarted after a failed handover: " + e.getMessage()));
      return "revision " + previous.revision() + " could not be restarted: nothing serves";
    }
  }
}
