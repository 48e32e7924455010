package io.recopipe.serving.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes every response body of the server's routes (JSON or Prometheus text) and names its route
 * for the access log and metrics, so that no handler can forget the content type or leak a stack
 * trace in an error.
 *
 * <p>The answers readiness needs ({@code /readyz}, {@code /healthz}, errors) are written with
 * Jackson's streaming generator; the data-binding mapper for the other documents is built on first
 * use, because building it (and the date formats it sets up) costs a cold start about as much CPU
 * as starting the HTTP server.
 */
public final class Responses {
  /** The content type of every JSON answer. */
  public static final AsciiString JSON = AsciiString.cached("application/json");

  private static final JsonFactory FACTORY = new JsonFactory();

  private Responses() {}

  /** The mapper is built when first asked for, not when the server starts. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();
  }

  /** The shared mapper for the small, non-hot-path documents (built on first use). */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
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
      json(call, status, mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers a flat JSON object of string fields, in the order given, with {@code status}: {@code
   * fields} alternates names and values, e.g. {@code "status", "ok"}.
   */
  public static void fields(Call call, int status, String... fields) {
    json(call, status, fieldsBody(fields));
  }

  /** Answers {@code {"error": message}} with {@code status}. */
  public static void error(Call call, int status, String message) {
    json(call, status, errorBody(message));
  }

  /** The body of an error response: {@code {"error": message}}. */
  public static byte[] errorBody(String message) {
    return fieldsBody("error", message);
  }

  /** A flat JSON object of string fields: names and values alternate in {@code fields}. */
  static byte[] fieldsBody(String... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException(
          "fields come in name/value pairs, got " + fields.length + " strings");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      for (int i = 0; i < fields.length; i += 2) {
        json.writeStringField(fields[i], fields[i + 1]);
      }
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
