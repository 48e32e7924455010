package io.recopipe.serving.admin;

import io.recopipe.serving.model.LoadedModel;
import java.util.List;

/** What the admin API may do to the running server, kept narrow so the handlers stay testable. */
public interface ServingControl {
  /** Adds a SO_REUSEPORT listener on {@code port}; returns the bound port. */
  int listen(int port) throws Exception;

  /** The public ports being listened on. */
  List<Integer> ports();

  /** The admin port. */
  int adminPort();

  /** The served model's name. */
  String modelName();

  /** The model being served, or null. */
  LoadedModel model();

  /** Whether a graceful stop has begun. */
  boolean stopping();

  /** Begins a graceful stop on another thread. */
  void stopAsync(String reason);
}
