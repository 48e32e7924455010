package io.recopipe.serving.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes every response body of the server (JSON or Prometheus text) and notes its size and route
 * for the access log and metrics, so that no handler can forget the content type or leak a stack
 * trace in an error.
 */
public final class Responses {
  /** The request attribute holding the route label for metrics. */
  public static final String ROUTE = "recopipe.route";
  /** The request attribute holding the response body size. */
  public static final String SIZE = "recopipe.size";
  /** Shared mapper for the small, non-hot-path documents. */
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  private Responses() {
  }

  /** Names the route of this request (a metrics label). */
  public static void route(Context ctx, String route) {
    ctx.attribute(ROUTE, route);
  }

  /** Sends {@code body} as JSON with {@code status}. */
  public static void json(Context ctx, int status, byte[] body) {
    send(ctx, status, "application/json", body);
  }

  /**
   * Writes the body straight to the servlet stream with its Content-Length: Javalin's
   * {@code result(byte[])} would copy it again through a fresh 8 KiB buffer per request.
   */
  private static void send(Context ctx, int status, String contentType, byte[] body) {
    ctx.attribute(SIZE, (long) body.length);
    ctx.status(status).contentType(contentType);
    ctx.res().setContentLength(body.length);
    try {
      ctx.res().getOutputStream().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code value} (maps, lists, scalars) serialized as JSON with {@code status}. */
  public static void json(Context ctx, int status, Object value) {
    try {
      json(ctx, status, MAPPER.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code {"error": message}} with {@code status}. */
  public static void error(Context ctx, int status, String message) {
    json(ctx, status, errorBody(message));
  }

  /** The body of an error response: {@code {"error": message}}. */
  public static byte[] errorBody(String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.length());
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Sends plain text with {@code contentType}. */
  public static void text(Context ctx, int status, String contentType, byte[] body) {
    send(ctx, status, contentType, body);
  }
}
