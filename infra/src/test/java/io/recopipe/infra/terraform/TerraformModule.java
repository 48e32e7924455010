package io.recopipe.infra.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's {@code terraform/} directory, parsed with hcl4j and kept as raw text too, so
 * tests can check both structure (blocks, arguments) and expressions hcl4j does not evaluate
 * ({@code for_each}, interpolations in locals and heredocs).
 */
final class TerraformModule {
  /** {@code terraform/} seen from the infra module, where surefire runs. */
  static final Path DIRECTORY = Path.of("..", "terraform");

  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");

  private final Map<String, String> texts = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> parsed = new LinkedHashMap<>();

  private static TerraformModule shared;

  private TerraformModule() {}

  /**
   * The module, read and parsed once for every test of this JVM: the files do not change while
   * tests run, and every test class would otherwise read them again with the same setup block.
   */
  static synchronized TerraformModule shared() {
    if (shared == null) {
      try {
        shared = load();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** Reads and parses every {@code .tf} file of {@link #DIRECTORY}. */
  static TerraformModule load() throws IOException {
    TerraformModule module = new TerraformModule();
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
        String name = file.getFileName().toString();
        module.texts.put(name, Files.readString(file));
        try {
          module.parsed.put(name, plain(new HCLParser().parse(file.toFile(), "UTF-8")));
        } catch (Exception e) {
          throw new IllegalStateException(file + ": hcl4j cannot parse it: " + e, e);
        }
      }
    }
    if (module.texts.isEmpty()) {
      throw new IllegalStateException(DIRECTORY.toAbsolutePath() + ": no .tf files");
    }
    return module;
  }

  /** File name to raw text. */
  Map<String, String> texts() {
    return texts;
  }

  /** The blocks of one top-level kind ({@code variable}, {@code output}, ...), merged. */
  Map<String, Map<String, Object>> blocks(String kind) {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    parsed.values().forEach(file -> all.putAll(asBlocks(file.get(kind))));
    return all;
  }

  /** Resource type to resource name to body, over every file. */
  Map<String, Map<String, Map<String, Object>>> resources() {
    Map<String, Map<String, Map<String, Object>>> all = new LinkedHashMap<>();
    for (Map<String, Object> file : parsed.values()) {
      TerraformModule.<Object>asBlocks(file.get("resource"))
          .forEach(
              (type, byName) ->
                  all.computeIfAbsent(type, t -> new LinkedHashMap<>()).putAll(asBlocks(byName)));
    }
    return all;
  }

  /** The resources of one type, by name (empty if there are none). */
  Map<String, Map<String, Object>> resources(String type) {
    return resources().getOrDefault(type, Map.of());
  }

  /**
   * The values at a dotted path of a body; a repeated block is a list, so a path may fan out
   * ({@code lifecycle_rule.condition.age} gives one value per rule).
   */
  static List<Object> valuesAt(Object body, String path) {
    List<Object> current = List.of(body);
    for (String step : path.split("\\.")) {
      List<Object> next = new ArrayList<>();
      for (Object node : current) {
        for (Object item : node instanceof List<?> list ? list : List.of(node)) {
          if (item instanceof Map<?, ?> map && map.get(step) != null) {
            next.add(map.get(step));
          }
        }
      }
      current = next;
    }
    return current;
  }

  /**
   * One IAM member grant: who gets it ({@code pipeline}, {@code serving}, {@code reviewer}, {@code
   * submitter}, {@code operator}, or the member expression), the role (a custom role as its {@code
   * google_project_iam_custom_role.NAME.name} reference), and the resource type and name granting
   * it.
   */
  record Grant(String identity, String role, String type, String name) {}

  /**
   * Every {@code *_iam_member} grant, a grant over {@code local.reviewer_table_grants} once per
   * role of {@code local.reviewer_table_roles}. The identity comes from the member ({@code
   * local.pipeline_member}, {@code local.serving_member}) or from the variable the resource's
   * {@code for_each} ranges over ({@code var.reviewers}, {@code var.submitters}, {@code
   * var.operators}, {@code var.invokers}).
   */
  List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    resources()
        .forEach(
            (type, byName) -> {
              if (type.endsWith("_iam_member")) {
                byName.forEach(
                    (name, body) -> {
                      String role = String.valueOf(body.get("role"));
                      List<String> roles =
                          role.equals("each.value.role")
                              ? reviewerTableRoles().values().stream().distinct().toList()
                              : List.of(role);
                      String identity =
                          identity(String.valueOf(body.get("member")), resourceText(type, name));
                      roles.forEach(r -> grants.add(new Grant(identity, r, type, name)));
                    });
              }
            });
    return grants;
  }

  /** {@code local.reviewer_table_roles}: review table → the role reviewers get on it. */
  Map<String, String> reviewerTableRoles() {
    Map<String, String> roles = new LinkedHashMap<>();
    Object local = blocks("locals").get("reviewer_table_roles");
    if (local instanceof Map<?, ?> map) {
      map.forEach((k, v) -> roles.put(String.valueOf(k), String.valueOf(v)));
    }
    return roles;
  }

  /** Each custom role, by the reference grants use for it, to its permissions. */
  Map<String, List<String>> customRoles() {
    Map<String, List<String>> roles = new LinkedHashMap<>();
    resources("google_project_iam_custom_role")
        .forEach(
            (name, body) ->
                roles.put(
                    "google_project_iam_custom_role." + name + ".name",
                    body.get("permissions") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of()));
    return roles;
  }

  private static String identity(String member, String text) {
    if (member.contains("pipeline_member")) {
      return "pipeline";
    }
    if (member.contains("serving_member")) {
      return "serving";
    }
    Matcher forEach = Pattern.compile("for_each\\s*=\\s*(\\S+)").matcher(text);
    String over = forEach.find() ? forEach.group(1) : "";
    if (over.equals("toset(var.reviewers)") || over.equals("local.reviewer_table_grants")) {
      return "reviewer";
    }
    if (over.equals("toset(var.submitters)")) {
      return "submitter";
    }
    if (over.equals("toset(var.operators)")) {
      return "operator";
    }
    if (over.equals("toset(var.invokers)")) {
      return "invoker";
    }
    return member;
  }

  /** The raw text of {@code resource "TYPE" "NAME" { ... }}, braces balanced. */
  String resourceText(String type, String name) {
    return blockText("resource \"" + type + "\" \"" + name + "\"");
  }

  /**
   * The raw text of the top-level block opened by {@code header} (e.g. {@code locals} or {@code
   * output "x"}), braces balanced.
   */
  String blockText(String header) {
    List<String> blocks = blockTexts(header);
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("no block '" + header + "' in " + DIRECTORY);
    }
    return blocks.get(0);
  }

  /** The raw text of every top-level block opened by {@code header} (e.g. each {@code locals}). */
  private List<String> blockTexts(String header) {
    Pattern opening = Pattern.compile("(?m)^" + Pattern.quote(header) + "\\s*\\{");
    List<String> blocks = new ArrayList<>();
    for (String text : texts.values()) {
      Matcher m = opening.matcher(text);
      while (m.find()) {
        int depth = 0;
        for (int i = m.end() - 1; i < text.length(); i++) {
          depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
          if (depth == 0) {
            blocks.add(text.substring(m.start(), i + 1));
            break;
          }
        }
      }
    }
    return blocks;
  }

  /**
   * The raw quoted value of {@code argument = "..."} in the first block opened by {@code header}
   * that has it, quotes removed.
   */
  String stringArgument(String header, String argument) {
    Pattern pattern =
        Pattern.compile("(?m)^\\s*" + Pattern.quote(argument) + "\\s*=\\s*\"(.*)\"\\s*$");
    for (String block : blockTexts(header)) {
      Matcher m = pattern.matcher(block);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new IllegalArgumentException("no string " + argument + " in '" + header + "'");
  }

  /**
   * Renders {@code ${...}} interpolations the way an applied state would: {@code local.X} is
   * expanded from its definition, everything else comes from {@code state}.
   */
  String render(String template, Function<String, String> state) {
    Matcher m = INTERPOLATION.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expression = m.group(1).strip();
      String value =
          expression.startsWith("local.")
              ? render(stringArgument("locals", expression.substring("local.".length())), state)
              : state.apply(expression);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  /**
   * hcl4j's tree with references ({@code var.x}, {@code each.value}), which it keeps as symbol
   * objects, turned into their source text, so every leaf is a String, Number or Boolean.
   */
  @SuppressWarnings("unchecked")
  private static <T> T plain(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return (T) copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(plain(v)));
      return (T) copy;
    }
    boolean literal =
        node == null || node instanceof String || node instanceof Number || node instanceof Boolean;
    return (T) (literal ? node : node.toString());
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, T> asBlocks(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, T>) map : Map.of();
  }
}
