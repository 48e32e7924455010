package io.recopipe.serving.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes by method and path, with {@code {name}} standing for one path segment and a trailing slash
 * ignored, and tells an unknown path (404) from a known path with another method (405) as soon as
 * the request line is read, so that a refusal never waits for the body.
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();
  private final List<Guard> guards = new ArrayList<>();

  private record Route(String method, String[] segments, Handler handler) {}

  private record Guard(String prefix, Handler handler) {}

  /** What a path and method lead to: a handler and its path parameters, or a refusal. */
  public record Match(
      Handler handler,
      Map<String, String> params,
      List<Handler> guards,
      int status,
      String refusal) {}

  /** Adds a GET route. */
  public Router get(String pattern, Handler handler) {
    return add("GET", pattern, handler);
  }

  /** Adds a POST route. */
  public Router post(String pattern, Handler handler) {
    return add("POST", pattern, handler);
  }

  private Router add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler));
    return this;
  }

  /**
   * Runs {@code handler} before any request whose path starts with {@code prefix}, matched or not
   * (it throws to refuse), as an authorization check must.
   */
  public Router before(String prefix, Handler handler) {
    guards.add(new Guard(prefix, handler));
    return this;
  }

  /** The route of {@code method} on the decoded {@code path}. */
  public Match match(String method, String path) {
    String[] segments = split(path);
    List<Handler> before = new ArrayList<>(0);
    for (Guard guard : guards) {
      if (path.startsWith(guard.prefix())) {
        before.add(guard.handler());
      }
    }
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = params(route.segments(), segments);
      if (params == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Match(route.handler(), params, before, 0, null);
      }
      pathKnown = true;
    }
    return pathKnown
        ? new Match(null, Map.of(), before, 405, "method " + method + " is not allowed on " + path)
        : new Match(null, Map.of(), before, 404, "no route " + method + " " + path);
  }

  private static Map<String, String> params(String[] pattern, String[] segments) {
    if (pattern.length != segments.length) {
      return null;
    }
    Map<String, String> params = null;
    for (int n = 0; n < pattern.length; n++) {
      String part = pattern[n];
      if (part.startsWith("{") && part.endsWith("}")) {
        if (segments[n].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new HashMap<>(2);
        }
        params.put(part.substring(1, part.length() - 1), segments[n]);
      } else if (!part.equals(segments[n])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  private static String[] split(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.startsWith("/") ? trimmed.substring(1).split("/", -1) : trimmed.split("/", -1);
  }
}
