package io.recopipe.serving.http;

/**
 * The one model name this server answers to, checked by every {@code /v1/models/…} handler so that
 * a typo in a client's URL is a 404 that names the right model.
 */
public final class ModelNames {
  private final String name;

  /** Creates the checker for {@code name}. */
  public ModelNames(String name) {
    this.name = name;
  }

  /** The served model's name. */
  public String name() {
    return name;
  }

  /** Throws 404 unless {@code requested} is the served model's name. */
  public void check(String requested) {
    if (!name.equals(requested)) {
      throw ApiException.notFound(
          "model '" + requested + "' not found; this server serves '" + name + "'");
    }
  }
}
