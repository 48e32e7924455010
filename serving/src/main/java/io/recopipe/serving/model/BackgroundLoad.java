package io.recopipe.serving.model;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A bundle load on a thread of its own, started before anything else of a starting server, so that
 * verifying the bundle overlaps setting up logging and the HTTP servers instead of following part
 * of them: on a cold start the load is most of the way to ready.
 */
public final class BackgroundLoad {
  private final FutureTask<LoadedModel> task;

  private BackgroundLoad(Path bundle) {
    this.task = new FutureTask<>(() -> ModelLoader.loadUnscreened(bundle));
  }

  /**
   * Starts loading and verifying {@code bundle} ({@link ModelLoader#loadUnscreened}) on a daemon
   * thread.
   */
  public static BackgroundLoad start(Path bundle) {
    BackgroundLoad load = new BackgroundLoad(bundle);
    Thread loader = new Thread(load.task, "bundle-load");
    loader.setDaemon(true);
    loader.start();
    return load;
  }

  /** Waits for the loaded model; a failed load throws what the loader threw. */
  public LoadedModel await() throws Exception {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
