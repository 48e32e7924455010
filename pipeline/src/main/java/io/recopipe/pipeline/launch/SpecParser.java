package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.pipeline.launch.Spec.Component;
import io.recopipe.pipeline.launch.Spec.Executor;
import io.recopipe.pipeline.launch.Spec.ParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a {@code PipelineSpec} JSON document into a {@link Spec} and checks everything a run needs
 * before one starts: components and executors referenced exist, every input is wired to something
 * that exists, conditions parse, DAGs have no cycles. A problem is one line naming the JSON path.
 * Features this runner does not implement (loops, importers, resolvers) are refused the same way.
 */
final class SpecParser {
  private static final String ROOT_COMPONENT = "root";

  private final SpecNode document;
  private final Map<String, SpecNode> componentNodes;
  private final Map<String, Component> components = new LinkedHashMap<>();
  private final Map<String, Executor> executors = new TreeMap<>();

  private SpecParser(SpecNode document) {
    this.document = document;
    this.componentNodes = document.get("components").entries();
  }

  /** The spec {@code json} read from the file named {@code file}. */
  static Spec parse(JsonNode json, String file) {
    SpecNode document = SpecNode.document(json, file);
    if (!json.isObject()) {
      throw document.problem("expected a PipelineSpec object");
    }
    return new SpecParser(document).spec();
  }

  private Spec spec() {
    String name = document.get("pipelineInfo").require().get("name").text();
    SpecNode schema = document.get("schemaVersion");
    if (schema.present() && !schema.text().startsWith("2.")) {
      throw schema.problem("schema " + schema.text() + " is not a KFP v2 spec (2.x)");
    }
    document
        .get("deploymentSpec")
        .get("executors")
        .entries()
        .forEach((label, node) -> executors.put(label, executor(node)));
    Component root = component(ROOT_COMPONENT, document.get("root").require());
    if (root.dag().isEmpty()) {
      throw document.get("root").get("dag").problem("missing: the root component must be a DAG");
    }
    return new Spec(
        name,
        document.get("defaultPipelineRoot").optionalText(),
        root,
        Map.copyOf(components),
        java.util.Collections.unmodifiableMap(executors));
  }

  /** The component {@code name}, read once (components may be shared by several tasks). */
  Component component(String name, SpecNode node) {
    Component known = components.get(name);
    if (known != null) {
      return known;
    }
    SpecNode inputs = node.get("inputDefinitions");
    SpecNode outputs = node.get("outputDefinitions");
    Map<String, ParameterSpec> inputParameters = parameters(inputs.get("parameters"));
    Map<String, JsonNode> inputArtifacts = artifacts(inputs.get("artifacts"));
    Map<String, ParameterSpec> outputParameters = parameters(outputs.get("parameters"));
    Map<String, JsonNode> outputArtifacts = artifacts(outputs.get("artifacts"));
    Optional<String> label = node.get("executorLabel").optionalText();
    SpecNode dagNode = node.get("dag");
    if (label.isPresent() == dagNode.present()) {
      throw node.problem("a component needs exactly one of dag and executorLabel");
    }
    if (label.isPresent() && !executors.containsKey(label.get())) {
      throw node.get("executorLabel")
          .problem("no executor " + label.get() + " in deploymentSpec.executors");
    }
    Component shell =
        new Component(
            node.path(),
            inputParameters,
            inputArtifacts,
            outputParameters,
            outputArtifacts,
            Optional.empty(),
            label);
    components.put(name, shell); // a DAG referring to itself is a cycle, caught by DagParser
    if (dagNode.present()) {
      Component full =
          new Component(
              node.path(),
              inputParameters,
              inputArtifacts,
              outputParameters,
              outputArtifacts,
              Optional.of(new DagParser(this, shell).dag(dagNode)),
              label);
      components.put(name, full);
      return full;
    }
    return shell;
  }

  /** The component a task's {@code componentRef.name} names. */
  Component referenced(SpecNode ref) {
    String name = ref.text();
    SpecNode node = componentNodes.get(name);
    if (node == null) {
      throw ref.problem("no component " + name + " in components");
    }
    return component(name, node);
  }

  private static Map<String, ParameterSpec> parameters(SpecNode node) {
    Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    node.entries()
        .forEach(
            (name, spec) -> {
              SpecNode typeNode =
                  spec.get("parameterType").present()
                      ? spec.get("parameterType")
                      : spec.get("type");
              String typeName = typeNode.text();
              ParameterType type =
                  ParameterType.named(typeName)
                      .orElseThrow(() -> typeNode.problem("unknown parameter type " + typeName));
              Optional<JsonNode> defaultValue =
                  spec.get("defaultValue").present()
                      ? Optional.of(Values.canonical(spec.get("defaultValue").json()))
                      : Optional.empty();
              defaultValue.ifPresent(
                  value -> {
                    if (!type.accepts(value)) {
                      throw spec.get("defaultValue").problem("not a " + type + " value");
                    }
                  });
              specs.put(
                  name, new ParameterSpec(type, defaultValue, spec.get("isOptional").bool(false)));
            });
    return specs;
  }

  private static Map<String, JsonNode> artifacts(SpecNode node) {
    Map<String, JsonNode> types = new LinkedHashMap<>();
    node.entries().forEach((name, spec) -> types.put(name, spec.get("artifactType").json()));
    return types;
  }

  private static Executor executor(SpecNode node) {
    for (String unsupported : List.of("importer", "resolver", "customJob")) {
      if (node.get(unsupported).present()) {
        throw node.get(unsupported).problem(unsupported + " executors are not supported");
      }
    }
    SpecNode container = node.get("container").require();
    Map<String, String> env = new LinkedHashMap<>();
    SpecNode envNode = container.get("env");
    if (envNode.present()) {
      if (!envNode.json().isArray()) {
        throw envNode.problem("expected a list of {name, value}");
      }
      for (int i = 0; i < envNode.json().size(); i++) {
        SpecNode named =
            new SpecNode(envNode.json().get(i), envNode.path() + "[" + i + "]", envNode.file());
        env.put(named.get("name").text(), named.get("value").optionalText().orElse(""));
      }
    }
    List<String> command = container.get("command").strings();
    List<String> args = container.get("args").strings();
    if (command.isEmpty()) {
      throw container
          .get("command")
          .problem("missing: without a command the image's entrypoint would run, not here");
    }
    return new Executor(container.get("image").optionalText().orElse(""), command, args, env);
  }
}
