package io.recopipe.infra.contract;

import com.google.api.AnnotationsProto;
import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.api.HttpRule;
import com.google.api.ResourceDescriptor;
import com.google.api.ResourceProto;
import com.google.api.ResourceReference;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gRPC API's published proto, read from the descriptors compiled into the client jar (Google
 * generates them from googleapis with their annotations), used as the judge of the requests our
 * code sends to an in-process fake: the method must exist in the service with this request type,
 * every field marked {@code REQUIRED} must be set (in nested messages too), every resource name
 * must match its resource's published pattern, and the fields the method's REST binding ({@code
 * google.api.http}) puts in the URL must match its template. A fake accepts anything; this is what
 * says Google's front end would.
 */
public final class ProtoContract {
  private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_.]+)(?:=([^}]*))?}");

  private final ServiceDescriptor service;
  private final Map<String, List<String>> patterns = new LinkedHashMap<>();

  /** The contract of {@code service} (e.g. {@code "Services"}) declared in {@code file}. */
  public ProtoContract(FileDescriptor file, String service) {
    this.service = file.findServiceByName(service);
    if (this.service == null) {
      throw new IllegalArgumentException(file.getName() + " declares no service " + service);
    }
    collectResources(file, new HashSet<>());
  }

  /**
   * {@code Service/Method} as gRPC names it, e.g. {@code google.cloud.run.v2.Services/GetService}.
   */
  public String fullName(String method) {
    return service.getFullName() + "/" + method;
  }

  /** The published REST binding of {@code method}, e.g. {@code PATCH /v2/{service.name=...}}. */
  public String http(String method) {
    HttpRule rule = method(method).getOptions().getExtension(AnnotationsProto.http);
    return switch (rule.getPatternCase()) {
      case GET -> "GET " + rule.getGet();
      case POST -> "POST " + rule.getPost();
      case PATCH -> "PATCH " + rule.getPatch();
      case PUT -> "PUT " + rule.getPut();
      case DELETE -> "DELETE " + rule.getDelete();
      default -> rule.getPatternCase().toString();
    };
  }

  /**
   * Checks {@code request}, sent as {@code method}, against the proto.
   *
   * @return the problems, empty when the request is one Google's front end accepts
   */
  public List<String> problems(String method, Message request) {
    List<String> problems = new ArrayList<>();
    MethodDescriptor m = service.findMethodByName(method);
    if (m == null) {
      problems.add(service.getFullName() + " has no method " + method);
      return problems;
    }
    if (!m.getInputType().getFullName().equals(request.getDescriptorForType().getFullName())) {
      problems.add(
          method + " takes " + m.getInputType().getFullName() + ", got " + request.getClass());
    }
    message(request, method, problems);
    String path = http(method).replaceFirst("^[A-Z]+ ", "");
    Matcher v = VARIABLE.matcher(path);
    while (v.find()) {
      String value = stringAt(request, v.group(1));
      String template = v.group(2) == null ? "*" : v.group(2);
      String regex = Pattern.quote(template).replace("**", "\\E.+\\Q").replace("*", "\\E[^/]+\\Q");
      if (value == null || !Pattern.matches(regex, value)) {
        problems.add(method + ": " + v.group(1) + " = " + value + " does not fit URL " + path);
      }
    }
    return problems;
  }

  private MethodDescriptor method(String name) {
    MethodDescriptor method = service.findMethodByName(name);
    if (method == null) {
      throw new IllegalArgumentException(service.getFullName() + " has no method " + name);
    }
    return method;
  }

  private void message(Message message, String at, List<String> problems) {
    Descriptor type = message.getDescriptorForType();
    ResourceDescriptor own = type.getOptions().getExtension(ResourceProto.resource);
    for (FieldDescriptor field : type.getFields()) {
      List<FieldBehavior> behaviors =
          field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
      boolean set =
          field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
      if (!field.hasPresence() && !field.isRepeated()) {
        set = !message.getField(field).equals(field.getDefaultValue());
      }
      if (behaviors.contains(FieldBehavior.REQUIRED) && !set) {
        problems.add(at + "." + field.getName() + " is REQUIRED and not set");
      }
      if (!set) {
        continue;
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.STRING && !field.isRepeated()) {
        String value = (String) message.getField(field);
        List<String> allowed = resourcePatterns(field, own);
        if (!allowed.isEmpty() && allowed.stream().noneMatch(p -> fits(p, value))) {
          problems.add(at + "." + field.getName() + " = " + value + " fits none of " + allowed);
        }
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()) {
        if (field.isRepeated()) {
          for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            message(
                (Message) message.getRepeatedField(field, i),
                at + "." + field.getName() + "[" + i + "]",
                problems);
          }
        } else {
          message((Message) message.getField(field), at + "." + field.getName(), problems);
        }
      }
    }
  }

  /** The name patterns a string field must fit: its resource reference, or its message's name. */
  private List<String> resourcePatterns(FieldDescriptor field, ResourceDescriptor own) {
    ResourceReference ref = field.getOptions().getExtension(ResourceProto.resourceReference);
    if (!ref.getType().isEmpty() && !ref.getType().equals("*")) {
      return patterns.getOrDefault(ref.getType(), List.of());
    }
    if (!ref.getChildType().isEmpty()) {
      return patterns.getOrDefault(ref.getChildType(), List.of()).stream()
          .map(p -> p.replaceFirst("/[^/]+/\\{[^}]+}$", ""))
          .toList();
    }
    if (field.getName().equals("name") && !own.getType().isEmpty()) {
      return own.getPatternList();
    }
    return List.of();
  }

  private static boolean fits(String pattern, String value) {
    String regex = Pattern.quote(pattern).replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
    return Pattern.matches(regex, value);
  }

  private static String stringAt(Message message, String path) {
    Object node = message;
    for (String step : path.split("\\.")) {
      if (!(node instanceof Message m)) {
        return null;
      }
      FieldDescriptor field = m.getDescriptorForType().findFieldByName(step);
      if (field == null) {
        return null;
      }
      node = m.getField(field);
    }
    return node instanceof String s ? s : null;
  }

  private void collectResources(FileDescriptor file, Set<String> seen) {
    if (!seen.add(file.getName())) {
      return;
    }
    for (ResourceDescriptor r : file.getOptions().getExtension(ResourceProto.resourceDefinition)) {
      patterns.putIfAbsent(r.getType(), r.getPatternList());
    }
    for (Descriptor message : file.getMessageTypes()) {
      ResourceDescriptor r = message.getOptions().getExtension(ResourceProto.resource);
      if (!r.getType().isEmpty()) {
        patterns.putIfAbsent(r.getType(), r.getPatternList());
      }
    }
    file.getDependencies().forEach(d -> collectResources(d, seen));
  }
}
