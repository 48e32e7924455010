package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of the spec being read together with its JSON path, so every problem is reported as one
 * line naming the file and the exact field ({@code spec.json: root.dag.tasks.gate.componentRef:
 * missing}).
 *
 * @param json the node
 * @param path its JSON path from the document root ({@code root.dag.tasks.gate})
 * @param file the spec's name, for messages
 */
record SpecNode(JsonNode json, String path, String file) {
  /** The document {@code json} read from {@code file}. */
  static SpecNode document(JsonNode json, String file) {
    return new SpecNode(json, "", file);
  }

  /** A bad-input exception naming this node: {@code FILE: PATH: problem}. */
  InvalidInputException problem(String problem) {
    return new InvalidInputException(
        file + ": " + (path.isEmpty() ? "" : path + ": ") + problem + " (run --spec)");
  }

  /** Child {@code key}, possibly missing. */
  SpecNode get(String key) {
    return new SpecNode(json.path(key), path.isEmpty() ? key : path + "." + key, file);
  }

  /** Whether this node is present and not null. */
  boolean present() {
    return !json.isMissingNode() && !json.isNull();
  }

  /** This node as an object; missing counts as empty. */
  Map<String, SpecNode> entries() {
    if (!present()) {
      return Map.of();
    }
    if (!json.isObject()) {
      throw problem("expected an object, found " + JsonFields.typeName(json));
    }
    Map<String, SpecNode> entries = new LinkedHashMap<>();
    json.properties().forEach(e -> entries.put(e.getKey(), get(e.getKey())));
    return entries;
  }

  /** This node as a required object's entries. */
  Map<String, SpecNode> requiredEntries() {
    require();
    return entries();
  }

  /** This node as a string. */
  String text() {
    require();
    if (!json.isTextual()) {
      throw problem("expected a string, found " + JsonFields.typeName(json));
    }
    return json.textValue();
  }

  /** This node as a string, when present. */
  Optional<String> optionalText() {
    return present() ? Optional.of(text()) : Optional.empty();
  }

  /** This node as a list of strings; missing counts as empty. */
  List<String> strings() {
    if (!present()) {
      return List.of();
    }
    if (!json.isArray()) {
      throw problem("expected a list of strings, found " + JsonFields.typeName(json));
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      values.add(new SpecNode(json.get(i), path + "[" + i + "]", file).text());
    }
    return values;
  }

  /** This node as a boolean, {@code fallback} when missing. */
  boolean bool(boolean fallback) {
    if (!present()) {
      return fallback;
    }
    if (!json.isBoolean()) {
      throw problem("expected true or false, found " + JsonFields.typeName(json));
    }
    return json.booleanValue();
  }

  /** This node as a number, {@code fallback} when missing. */
  double number(double fallback) {
    if (!present()) {
      return fallback;
    }
    if (!json.isNumber()) {
      throw problem("expected a number, found " + JsonFields.typeName(json));
    }
    return json.doubleValue();
  }

  /** Fails when this node is missing. */
  SpecNode require() {
    if (!present()) {
      throw problem("missing");
    }
    return this;
  }
}
