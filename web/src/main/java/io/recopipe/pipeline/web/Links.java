package io.recopipe.pipeline.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The review site's URLs, built in one place so every path segment is encoded the same way. */
final class Links {
  private Links() {}

  /** A path segment escaped for a URL (letters, digits, {@code -._~} kept). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String run(String runId) {
    return "/runs/" + segment(runId);
  }

  static String stepLog(String runId, String step) {
    return run(runId) + "/steps/" + segment(step) + "/log";
  }

  static String models(String pipeline) {
    return "/models/" + segment(pipeline);
  }

  static String promotion(String pipeline, int version) {
    return "/promotions/" + segment(pipeline) + "/" + version;
  }
}
