package io.recopipe.serving;

import io.recopipe.serving.admin.AdminAuth;
import io.recopipe.serving.admin.AdminJournal;
import io.recopipe.serving.admin.AdminServer;
import io.recopipe.serving.admin.ServingControl;
import io.recopipe.serving.http.Connectors;
import io.recopipe.serving.http.InFlight;
import io.recopipe.serving.log.AccessLog;
import io.recopipe.serving.metrics.ServingMetrics;
import io.recopipe.serving.model.BackgroundLoad;
import io.recopipe.serving.model.LoadedModel;
import io.recopipe.serving.model.ModelHolder;
import io.recopipe.serving.model.ModelLoader;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server: public and admin HTTP, the model holder and the graceful stop, in a form that
 * {@link ServingMain} runs as a process and tests run in-process (several at once).
 */
public final class ServingProcess implements ServingControl {
  /**
   * How long work that can wait for the first readiness answer waits when no one asks (a load
   * balancer that only checks the port).
   */
  static final long AFTER_READY_MILLIS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(ServingProcess.class);
  private final ServingOptions options;
  private final AccessLog log;
  private final ServingMetrics metrics = new ServingMetrics();
  private final InFlight inFlight = new InFlight();
  private final ModelHolder holder;
  private final AdminJournal journal;
  private final BackgroundLoad preload;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch answeredReady = new CountDownLatch(1);
  private Connectors publicServer;
  private Connectors adminServer;
  private Instant startedAt;
  private volatile Long supervisorPid = supervisorFromEnv();

  /** Creates the (not yet started) server; {@link #start} loads the options' bundle. */
  public ServingProcess(ServingOptions options, AccessLog log) {
    this(options, log, null);
  }

  /**
   * Creates the (not yet started) server, which serves the model of {@code preload}, a load of the
   * options' bundle already under way (null: {@link #start} starts it).
   */
  public ServingProcess(ServingOptions options, AccessLog log, BackgroundLoad preload) {
    this.options = options;
    this.preload = preload;
    this.log = log;
    this.holder = new ModelHolder(metrics::modelLoaded);
    metrics.accessLogDropped(log::dropped);
    this.journal = new AdminJournal(options.journal());
  }

  /**
   * Starts loading and verifying the bundle in the background, starts HTTP meanwhile (readyz
   * answers 503 until the model is installed), installs the model once it is fully verified (its
   * scoring screen follows the first readiness answer), takes the extra listen ports, then writes
   * the state file. Loading overlaps the servers' start-up, the largest part of a cold start, and a
   * bundle that fails verification is never installed.
   *
   * @throws IOException when the bundle cannot be loaded; the servers are stopped again
   */
  public void start() throws IOException {
    startedAt = Instant.now();
    BackgroundLoad loading = preload != null ? preload : BackgroundLoad.start(options.bundle());
    AdminAuth auth = AdminAuth.fromFile(options.adminSecret(), journal, holder::current);
    try {
      publicServer =
          PublicServer.start(options, holder, metrics, inFlight, log, answeredReady::countDown);
      adminServer =
          AdminServer.start(options.adminPort(), holder, this, metrics, log, auth, journal);
    } catch (Exception e) {
      if (publicServer != null) {
        publicServer.stop();
      }
      stopped.countDown();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    try {
      LoadedModel model = loading.await();
      holder.install(model);
      ModelLoader.screenInBackground(model, this::awaitAnsweredReady);
      for (int extra : options.listen()) {
        listen(extra);
      }
    } catch (Exception e) {
      publicServer.stop();
      adminServer.stop();
      stopped.countDown();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    writeState();
  }

  private void writeState() throws IOException {
    if (options.stateFile() != null) {
      StateFile.write(options.stateFile(), state());
    }
  }

  /** The ready state as written to the state file. */
  public Map<String, Object> state() {
    LoadedModel model = holder.current();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("pid", ProcessHandle.current().pid());
    state.put("host", options.host());
    state.put("port", port());
    state.put("ports", ports());
    state.put("admin_port", adminPort());
    state.put("model_name", options.modelName());
    state.put("model_version", model == null ? null : model.version());
    state.put("run_id", model == null ? null : model.runId());
    state.put("started_at", startedAt.toString());
    if (supervisorPid != null) {
      state.put("supervisor_pid", supervisorPid);
    }
    if (stopping.get()) {
      state.put("stopping", true);
    }
    return state;
  }

  /** Records the supervisor started for this ready server in the state file. */
  public void supervisedBy(long pid) throws IOException {
    supervisorPid = pid;
    writeState();
  }

  private static Long supervisorFromEnv() {
    String supervisor = System.getenv(Supervisor.PID_ENV);
    return supervisor == null ? null : Long.valueOf(supervisor);
  }

  /** The first public port. */
  public int port() {
    return publicServer.ports().get(0);
  }

  @Override
  public int adminPort() {
    return adminServer.ports().get(0);
  }

  @Override
  public int listen(int port) throws Exception {
    int bound = publicServer.listen(options.host(), port, true);
    LOG.info("also listening on " + options.host() + ":" + bound + " (SO_REUSEPORT)");
    writeState();
    return bound;
  }

  @Override
  public List<Integer> ports() {
    return publicServer.ports();
  }

  @Override
  public String modelName() {
    return options.modelName();
  }

  @Override
  public LoadedModel model() {
    return holder.current();
  }

  /** The model holder (tests swap through it). */
  public ModelHolder holder() {
    return holder;
  }

  @Override
  public boolean stopping() {
    return stopping.get();
  }

  @Override
  public void stopAsync(String reason) {
    if (stopping.compareAndSet(false, true)) {
      Thread thread = new Thread(() -> stopGracefully(reason), "graceful-stop");
      thread.setDaemon(false);
      thread.start();
    }
  }

  /**
   * Marks the state file as stopping, stops accepting connections, lets in-flight requests finish
   * (asking clients to close their connections), then stops both servers.
   */
  private void stopGracefully(String reason) {
    LOG.info("stopping (" + reason + "): closing listeners, draining in-flight requests");
    try {
      writeState(); // "stopping": a supervisor that adopted this process does not restart it
    } catch (IOException e) {
      LOG.warn("cannot mark the state file as stopping: " + e.getMessage(), e);
    }
    inFlight.startDraining();
    publicServer.closeListeners();
    try {
      boolean quiet = inFlight.awaitQuiet(200, 20_000);
      if (!quiet) {
        LOG.warn("stopping with " + inFlight.count() + " requests still in flight");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publicServer.stop();
    adminServer.stop();
    log.flush();
    LOG.info("stopped");
    stopped.countDown();
  }

  /**
   * Waits until {@code /readyz} has answered 200 once, at most {@value #AFTER_READY_MILLIS} ms:
   * work that can wait (the scoring screen, the restart supervisor) waits for this, so that it does
   * not slow the first readiness answer down.
   */
  public void awaitAnsweredReady() {
    try {
      answeredReady.await(AFTER_READY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the server has stopped. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Stops at once (tests). */
  public void stopNow() {
    stopping.set(true);
    if (publicServer != null) {
      publicServer.stop();
    }
    if (adminServer != null) {
      adminServer.stop();
    }
    stopped.countDown();
  }
}
