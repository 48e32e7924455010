package io.recopipe.serving.http;

/**
 * Answers one route's calls; throws {@link ApiException} to refuse with a status and a reason, so
 * that every refusal reaches the client as {@code {"error": "…"}}.
 */
@FunctionalInterface
public interface Handler {
  /** Sets {@code call}'s answer. */
  void handle(Call call) throws Exception;
}
