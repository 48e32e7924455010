package io.recopipe.serving.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Holds the model being served in an atomic reference: readers take one snapshot per request, a
 * swap loads and verifies off the request path and then replaces the reference, so requests never
 * see a half-loaded model and in-flight ones finish on the model they started with.
 */
public final class ModelHolder {
  private final AtomicReference<LoadedModel> current = new AtomicReference<>();
  private final Object swapLock = new Object();
  private final Consumer<LoadedModel> onSwap;

  /** Creates an empty holder that calls {@code onSwap} after every model change. */
  public ModelHolder(Consumer<LoadedModel> onSwap) {
    this.onSwap = onSwap;
  }

  /** The model now served, or null before the first load. */
  public LoadedModel current() {
    return current.get();
  }

  /** Whether a model is loaded. */
  public boolean ready() {
    return current.get() != null;
  }

  /** Installs an already loaded model. */
  public void install(LoadedModel model) {
    current.set(model);
    onSwap.accept(model);
  }

  /**
   * Loads the bundle at {@code directory}, then swaps it in; swaps are serialized so two admin
   * calls cannot interleave, and a failure leaves the current model serving.
   */
  public LoadedModel swap(Path directory) throws IOException {
    synchronized (swapLock) {
      LoadedModel next = ModelLoader.load(directory);
      install(next);
      return next;
    }
  }
}
