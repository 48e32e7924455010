package io.recopipe.serving.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes every response body of the server's routes (JSON or Prometheus text) and names its
 * route for the access log and metrics, so that no handler can forget the content type or leak a
 * stack trace in an error.
 */
public final class Responses {
  /** Shared mapper for the small, non-hot-path documents. */
  public static final ObjectMapper MAPPER = new ObjectMapper();
  /** The content type of every JSON answer. */
  public static final AsciiString JSON = AsciiString.cached("application/json");
  private static final JsonFactory FACTORY = new JsonFactory();

  private Responses() {
  }

  /** Names the route of this call (a metrics label). */
  public static void route(Call call, String route) {
    call.route(route);
  }

  /** Answers {@code body} as JSON with {@code status}. */
  public static void json(Call call, int status, byte[] body) {
    call.answer(status, JSON, body);
  }

  /** Answers {@code value} (maps, lists, scalars) serialized as JSON with {@code status}. */
  public static void json(Call call, int status, Object value) {
    try {
      json(call, status, MAPPER.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code {"error": message}} with {@code status}. */
  public static void error(Call call, int status, String message) {
    json(call, status, errorBody(message));
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

  /** Answers plain text with {@code contentType}. */
  public static void text(Call call, int status, String contentType, byte[] body) {
    call.answer(status, contentType, body);
  }
}
