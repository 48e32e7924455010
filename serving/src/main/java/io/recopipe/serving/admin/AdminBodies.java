package io.recopipe.serving.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Call;
import io.recopipe.serving.http.Responses;
import java.io.IOException;

/** Reads the small JSON object bodies of the admin API, refusing malformed ones with 400. */
final class AdminBodies {
  /** The largest admin body (the admin server reads no more). */
  static final int MAX_BYTES = 64 * 1024;

  private AdminBodies() {}

  /** The body as a JSON object. */
  static JsonNode object(Call ctx) {
    JsonNode node;
    try {
      node = Responses.mapper().readTree(ctx.body());
    } catch (IOException e) {
      throw ApiException.badRequest("malformed JSON body");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return node;
  }
}
