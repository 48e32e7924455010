package io.recopipe.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A REST API's published discovery document (an excerpt kept as a test resource, source and commit
 * inside it) used as the judge of the requests the real Google client sends to a loopback server:
 * each request must be one of the document's methods (HTTP method and path template), carry only
 * that method's or the API's global query parameters, and a body whose every field is in the
 * method's request schema (output-only fields excluded), with enum values the schema lists. Our
 * stubs accept what the client sends; this is what says the real API would too.
 */
public final class DiscoveryContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final String name;

  private DiscoveryContract(String name, JsonNode document) {
    this.name = name;
    this.document = document;
  }

  /** Loads {@code /io/recopipe/infra/contract/NAME} (e.g. {@code bigquery-v2.discovery.json}). */
  public static DiscoveryContract load(String name) {
    try (InputStream in = DiscoveryContract.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new DiscoveryContract(name, JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The id of the method ({@code bigquery.jobs.insert}) that {@code httpMethod} on {@code rawPath}
   * calls, after checking its query and JSON body ({@code null} or empty when there is none).
   *
   * @throws AssertionError naming every way the request departs from the document
   */
  public String check(String httpMethod, String rawPath, String rawQuery, String jsonBody) {
    String id = methodOf(httpMethod, rawPath);
    JsonNode method = document.path("methods").path(id);
    List<String> problems = new ArrayList<>();
    for (String parameter : queryNames(rawQuery)) {
      boolean declared = "query".equals(method.path("parameters").path(parameter).asText());
      boolean global = false;
      for (JsonNode g : document.path("globalParameters")) {
        global |= g.asText().equals(parameter);
      }
      if (!declared && !global) {
        problems.add("query parameter " + parameter + " is not a parameter of " + id);
      }
    }
    if (jsonBody != null && !jsonBody.isBlank()) {
      if (!method.has("request")) {
        problems.add(id + " takes no request body, got " + jsonBody);
      } else {
        try {
          fields(JSON.readTree(jsonBody), ref(method.path("request").asText()), "", problems);
        } catch (IOException e) {
          problems.add("body is not JSON: " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          httpMethod + " " + rawPath + " (" + id + ") breaks " + name + ":\n  " + problems);
    }
    return id;
  }

  /** The JSON pointers of every leaf value in {@code json}, sorted, array indexes left out. */
  public static TreeSet<String> leafPaths(JsonNode json) {
    TreeSet<String> paths = new TreeSet<>();
    leaves(json, "", paths);
    return paths;
  }

  private static void leaves(JsonNode node, String at, TreeSet<String> paths) {
    if (node.isObject() && node.size() > 0) {
      node.properties().forEach(e -> leaves(e.getValue(), at + "/" + e.getKey(), paths));
    } else if (node.isArray() && node.size() > 0) {
      node.forEach(item -> leaves(item, at + "[]", paths));
    } else {
      paths.add(at);
    }
  }

  private String methodOf(String httpMethod, String rawPath) {
    String servicePath = "/" + document.path("servicePath").asText();
    for (Map.Entry<String, JsonNode> method : document.path("methods").properties()) {
      JsonNode m = method.getValue();
      if (!m.path("httpMethod").asText().equals(httpMethod)) {
        continue;
      }
      List<String> templates = new ArrayList<>(List.of(servicePath + m.path("path").asText()));
      m.path("uploadPaths").forEach(p -> templates.add(p.asText()));
      if (m.path("mediaDownload").asBoolean()) {
        templates.add("/download" + servicePath + m.path("path").asText());
      }
      for (String template : templates) {
        if (matches(template, rawPath)) {
          return method.getKey();
        }
      }
    }
    throw new AssertionError(httpMethod + " " + rawPath + " is no method of " + name);
  }

  /** {@code {x}} and {@code {+x}} match one path segment (percent-encoded slashes stay in it). */
  private static boolean matches(String template, String rawPath) {
    String regex =
        Pattern.quote(template)
            .replaceAll("\\{\\+?[A-Za-z0-9_]+}", "\\\\E[^/]+\\\\Q")
            .replace("\\Q\\E", "");
    return Pattern.matches(regex, rawPath);
  }

  private static List<String> queryNames(String rawQuery) {
    List<String> names = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
      }
    }
    return names;
  }

  private JsonNode ref(String schema) {
    JsonNode node = document.path("schemas").path(schema);
    if (node.isMissingNode()) {
      throw new IllegalStateException(name + " has no schema " + schema);
    }
    return node;
  }

  /** Checks {@code value} against {@code schema}, adding one problem per stray field. */
  private void fields(JsonNode value, JsonNode schema, String at, List<String> problems) {
    if (schema.has("$ref")) {
      fields(value, ref(schema.path("$ref").asText()), at, problems);
    } else if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode option : schema.path("enum")) {
        listed |= option.asText().equals(value.asText());
      }
      if (!listed) {
        problems.add(at + " = " + value + " is not one of " + schema.path("enum"));
      }
    } else if (schema.has("properties") || schema.has("additionalProperties")) {
      if (!value.isObject()) {
        problems.add(at + " should be an object, got " + value);
        return;
      }
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode property = schema.path("properties").path(field.getKey());
        if (property.isMissingNode()) {
          property = schema.path("additionalProperties");
        }
        if (property.isMissingNode()) {
          problems.add(at + "/" + field.getKey() + " is not a field of the request schema");
        } else {
          fields(field.getValue(), property, at + "/" + field.getKey(), problems);
        }
      }
    } else if (schema.has("items")) {
      if (!value.isArray()) {
        problems.add(at + " should be an array, got " + value);
        return;
      }
      value.forEach(item -> fields(item, schema.path("items"), at + "[]", problems));
    } else if ("boolean".equals(schema.path("type").asText()) && !value.isBoolean()) {
      problems.add(at + " should be a boolean, got " + value);
    } else if ("string".equals(schema.path("type").asText()) && !value.isValueNode()) {
      problems.add(at + " should be a string, got " + value);
    }
  }
}
