package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.pipeline.artifacts.Directories;
import io.recopipe.pipeline.dsl.RetryPolicy;
import io.recopipe.pipeline.dsl.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a component's work with its retry policy: each attempt gets fresh, empty staging
 * directories; a {@link ComponentException} fails at once (it is the user's to fix), any other
 * exception is retried after the policy's backoff.
 */
final class StepAttempts {
  private static final Logger LOG = LoggerFactory.getLogger(StepAttempts.class);

  /** What a successful attempt leaves: staged outputs by port and the attempt's context. */
  record Staged(Map<String, Path> outputs, LocalStepContext context, int attempts) {}

  /** Work done by an attempt once the component returned (committing its outputs). */
  interface Commit {
    void accept(Staged staged) throws Exception;
  }

  private final RunSession session;
  private final Step step;
  private final Map<String, Path> inputs;
  private final Map<String, String> parameters;
  private final FileStepLog log;

  StepAttempts(
      RunSession session,
      Step step,
      Map<String, Path> inputs,
      Map<String, String> parameters,
      FileStepLog log) {
    this.session = session;
    this.step = step;
    this.inputs = inputs;
    this.parameters = parameters;
    this.log = log;
  }

  /** Runs attempts until one succeeds and is committed; returns null then, else the failure. */
  AttemptFailure run(Commit commit) throws InterruptedException {
    RetryPolicy policy = step.retry();
    for (int attempt = 1; ; attempt++) {
      Duration wait = policy.backoffBefore(attempt);
      if (!wait.isZero()) {
        log.progress("retrying in " + wait.toMillis() + " ms");
        Thread.sleep(wait.toMillis());
      }
      log.progress("running (attempt " + attempt + "/" + policy.maxAttempts() + ")");
      Map<String, Path> outputs = new LinkedHashMap<>();
      try {
        for (Port port : step.component().outputs()) {
          outputs.put(
              port.name(),
              session.artifacts.newStagingDirectory(
                  session.runId, step.name() + "-" + port.name()));
        }
        LocalStepContext context =
            new LocalStepContext(session, step.name(), inputs, outputs, parameters, log);
        step.component().run(context);
        commit.accept(new Staged(outputs, context, attempt));
        return null;
      } catch (ComponentException e) {
        if (e.getCause() == null) {
          log.info("failed: " + e.getMessage());
        } else {
          log.failure("failed: " + e.getMessage(), e, false);
        }
        return new AttemptFailure(
            e.getMessage(),
            attempt,
            e instanceof io.recopipe.components.api.RolledBackException,
            e instanceof io.recopipe.components.api.BadInputException);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        String message =
            "step " + step.name() + " failed: " + e.getClass().getName() + ": " + e.getMessage();
        log.failure(
            "attempt " + attempt + " " + message.substring(message.indexOf("failed")), e, true);
        LOG.warn(
            "step "
                + step.name()
                + ": attempt "
                + attempt
                + "/"
                + policy.maxAttempts()
                + " failed"
                + (attempt < policy.maxAttempts() ? ", retrying" : ""),
            e);
        if (attempt >= policy.maxAttempts()) {
          return new AttemptFailure(message, attempt);
        }
      } finally {
        deleteLeftovers(outputs);
      }
    }
  }

  private void deleteLeftovers(Map<String, Path> staged) {
    for (Path dir : staged.values()) {
      try {
        Directories.deleteRecursively(dir);
      } catch (IOException e) {
        log.info("could not delete staging directory " + dir + ": " + e.getMessage());
      }
    }
  }
}
