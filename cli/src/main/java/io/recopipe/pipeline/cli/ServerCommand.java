package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.promotion.ApprovalExpiry;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.schedule.ChildProcessLauncher;
import io.recopipe.pipeline.schedule.SchedulerService;
import io.recopipe.pipeline.web.ReviewServer;
import io.recopipe.pipeline.web.ReviewSite;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe server}: serves the review web page for a home until stopped (Ctrl-C). It binds
 * the loopback interface unless told otherwise, because the page speaks plain HTTP and approving a
 * model on it deploys that model.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description =
        "Serves the review web page (pending promotions, approve/reject, runs, "
            + "models, rollback) until stopped; with --profile gcp --config FILE the pending "
            + "versions are Google Cloud's and an approval deploys to Cloud Run.")
final class ServerCommand implements Callable<Integer> {
  private static final long CLOSE_SECONDS = 10;
  private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(2);

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--allow-remote",
      description =
          "Allow a non-loopback --host (plain HTTP: "
              + "tokens and cookies cross the network unencrypted; put a TLS proxy in front).")
  boolean allowRemote;

  @Option(names = "--no-scheduler", description = "Do not fire scheduled runs from this server.")
  boolean noScheduler;

  @Option(
      names = "--tick-seconds",
      defaultValue = "10",
      paramLabel = "S",
      description = "How often the scheduler checks schedules (default: ${DEFAULT-VALUE}).")
  int tickSeconds;

  @Mixin HomeOption home;

  @Mixin GcpReview gcp;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    checkHost();
    if (tickSeconds < 1) {
      throw new InvalidInputException("--tick-seconds must be >= 1, was " + tickSeconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopRequested.countDown();
                  awaitQuietly(stopped);
                },
                "recopipe-server-stop"));
    try (OpenHome opened = home.open();
        GcpReview.Opened cloud = gcp.isGcp() ? gcp.open(opened) : null) {
      LocalRunner runner = opened.runner();
      ReviewSite site =
          cloud == null
              ? new ReviewSite(
                  runner,
                  opened.registry(),
                  opened.review(),
                  List.of(MovieLensMfPipeline.definition()),
                  Clock.systemUTC(),
                  System.out)
              : ReviewSite.gcp(
                  runner,
                  cloud.registry(),
                  cloud.review(),
                  cloud.promotions(),
                  List.of(MovieLensMfPipeline.definition()),
                  Clock.systemUTC(),
                  System.out);
      List<AutoCloseable> companions = new ArrayList<>();
      Promotions home =
          new Promotions(
              runner,
              opened.registry(),
              opened.review(),
              name -> MovieLensMfPipeline.definition(),
              Clock.systemUTC());
      IntSupplier expireStale =
          cloud == null
              ? home::expireStale
              : () -> home.expireStale() + cloud.promotions().expireStale(MovieLensMfPipeline.NAME);
      startCompanions(runner, expireStale, companions, out);
      try (ReviewServer server = ReviewServer.start(site, host, port, companions)) {
        out.println(
            "review page: " + server.url() + " (home " + runner.home() + "); Ctrl-C stops it");
        out.flush();
        stopRequested.await();
      }
    } finally {
      stopped.countDown();
    }
    return ExitCodes.OK;
  }

  /**
   * Starts what runs beside the page (closed last first when the server stops): the scheduler, on
   * its own connection to the metadata store, and the timer that expires stale approvals (with
   * {@code expireStale}: the home's, and with {@code --profile gcp} those in BigQuery too).
   */
  private void startCompanions(
      LocalRunner runner,
      IntSupplier expireStale,
      List<AutoCloseable> companions,
      PrintWriter out) {
    if (noScheduler) {
      out.println("scheduler: off (--no-scheduler)");
    } else {
      MetadataStore store = MetadataStore.open(runner.home().metadataDb());
      companions.add(store);
      SchedulerService scheduler =
          new SchedulerService(
              store,
              new ChildProcessLauncher(runner.home(), LAUNCH_TIMEOUT, Main.class.getName()),
              Clock.systemUTC());
      scheduler.start(Duration.ofSeconds(tickSeconds));
      companions.add(scheduler);
      out.println(
          "scheduler: on, checking schedules every "
              + tickSeconds
              + " s (recopipe "
              + "schedule list)");
    }
    companions.add(new ApprovalExpiry(expireStale, Duration.ofMinutes(1)));
  }

  /** Lets the shutdown hook wait (bounded) until the server and the home are closed. */
  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(CLOSE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void checkHost() {
    boolean loopback;
    try {
      loopback = InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new InvalidInputException("unknown --host " + host);
    }
    if (loopback) {
      return;
    }
    if (!allowRemote) {
      throw new InvalidInputException(
          "refusing to serve the review page on "
              + host
              + ", which is not a loopback address; pass --allow-remote to do it anyway");
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "recopipe: warning: the review page on "
            + host
            + " is reachable from other "
            + "machines over plain HTTP; reviewer tokens and session cookies travel unencrypted");
    err.flush();
  }
}
