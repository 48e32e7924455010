package io.recopipe.serving.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;

/**
 * One request as a route handler sees it (method, decoded path, path parameters, headers, body,
 * client) and the answer it sets (status, content type, body, the route label for metrics), so that
 * handlers know nothing of the HTTP stack and the channel writes every answer one way.
 */
public final class Call {
  private final String method;
  private final String path;
  private final String query;
  private final HttpHeaders headers;
  private final byte[] body;
  private final String remoteIp;
  private final ByteBufAllocator alloc;
  private Map<String, String> pathParams = Map.of();
  private String route = "unmatched";
  private int status;
  private CharSequence contentType;
  private ByteBuf answer;
  private boolean close;

  /** A call of {@code method} on the decoded {@code path} with its {@code body} (empty: none). */
  public Call(
      String method,
      String path,
      String query,
      HttpHeaders headers,
      byte[] body,
      String remoteIp,
      ByteBufAllocator alloc) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.remoteIp = remoteIp;
    this.alloc = alloc;
  }

  /** The request method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The percent-decoded path, without the query. */
  public String path() {
    return path;
  }

  /** The raw query string, or null. */
  public String query() {
    return query;
  }

  /** A request header, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The request body's bytes (empty when it had none). */
  public byte[] body() {
    return body;
  }

  /** The client's address. */
  public String ip() {
    return remoteIp;
  }

  /** The allocator answers are written with (the connection's pooled buffers). */
  public ByteBufAllocator alloc() {
    return alloc;
  }

  /** The path segment the route named {@code {name}}. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no path parameter " + name);
    }
    return value;
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = params;
  }

  /** Names the route of this call (the metrics label). */
  public void route(String name) {
    this.route = name;
  }

  /** The route label. */
  public String route() {
    return route;
  }

  /** Answers {@code body} (taken over by the call) as {@code contentType} with {@code status}. */
  public void answer(int status, CharSequence contentType, ByteBuf body) {
    if (answer != null) {
      answer.release();
    }
    this.status = status;
    this.contentType = contentType;
    this.answer = body;
  }

  /** Answers {@code body} as {@code contentType} with {@code status}. */
  public void answer(int status, CharSequence contentType, byte[] body) {
    answer(status, contentType, Unpooled.wrappedBuffer(body));
  }

  /** Asks for the connection to be closed after the answer. */
  public void closeAfter() {
    close = true;
  }

  boolean closing() {
    return close;
  }

  boolean answered() {
    return answer != null;
  }

  int status() {
    return status;
  }

  CharSequence contentType() {
    return contentType;
  }

  /** The answer's body, handed to the channel (the call no longer holds it). */
  ByteBuf takeAnswer() {
    ByteBuf out = answer;
    answer = null;
    return out;
  }
}
