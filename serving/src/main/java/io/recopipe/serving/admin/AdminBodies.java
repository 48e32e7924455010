package io.recopipe.serving.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Responses;
import java.io.IOException;

/** Reads the small JSON object bodies of the admin API, refusing malformed ones with 400. */
final class AdminBodies {
  private static final int MAX_BYTES = 64 * 1024;

  private AdminBodies() {
  }

  /** The body as a JSON object. */
  static JsonNode object(Context ctx) {
    byte[] body = new io.recopipe.serving.http.BodyReader(MAX_BYTES).read(ctx);
    JsonNode node;
    try {
      node = Responses.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("malformed JSON body");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return node;
  }
}
