package io.recopipe.pipeline.kfp;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StructProto;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.StatusProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KFP's {@code pipeline_spec.proto} rebuilt as protobuf descriptors from the field table in {@code
 * contract/pipeline_spec.fields.tsv} (transcribed from kubeflow/pipelines, commit cited there), so
 * a compiled spec is parsed the way KFP and Vertex parse it, with {@code JsonFormat} and without
 * {@code ignoringUnknownFields}: an unknown field, a wrong type, an unknown enum value or two
 * members of one oneof fail the parse. Well-known types ({@code Struct}, {@code Value}, {@code
 * Duration}) are the real ones, so JsonFormat treats them as KFP's Go and Python parsers do.
 */
final class KfpProtoSchema {
  private static final String RESOURCE = "contract/pipeline_spec.fields.tsv";
  private static final Map<String, FieldDescriptorProto.Type> SCALARS =
      Map.ofEntries(
          Map.entry("string", FieldDescriptorProto.Type.TYPE_STRING),
          Map.entry("bool", FieldDescriptorProto.Type.TYPE_BOOL),
          Map.entry("int32", FieldDescriptorProto.Type.TYPE_INT32),
          Map.entry("int64", FieldDescriptorProto.Type.TYPE_INT64),
          Map.entry("double", FieldDescriptorProto.Type.TYPE_DOUBLE),
          Map.entry("float", FieldDescriptorProto.Type.TYPE_FLOAT),
          Map.entry("bytes", FieldDescriptorProto.Type.TYPE_BYTES));

  private static final FileDescriptor FILE = build();

  private KfpProtoSchema() {}

  /** The message {@code name} ({@code PipelineSpec}, {@code PipelineDeploymentConfig}, ...). */
  static Descriptor message(String name) {
    Descriptor descriptor = FILE.findMessageTypeByName(name);
    if (descriptor == null) {
      throw new IllegalArgumentException("pipeline_spec.proto has no message " + name);
    }
    return descriptor;
  }

  /** Parses {@code json} as {@code message}, rejecting anything the proto does not declare. */
  static DynamicMessage parseStrictly(String json, String message)
      throws InvalidProtocolBufferException {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(message(message));
    JsonFormat.parser().merge(json, builder);
    return builder.build();
  }

  /** One node of the message tree being rebuilt: its fields, oneofs, nested types and enums. */
  private static final class Node {
    final DescriptorProto.Builder proto;
    final Map<String, Node> nested = new LinkedHashMap<>();
    final Map<String, EnumDescriptorProto.Builder> enums = new LinkedHashMap<>();
    final List<String> oneofs = new ArrayList<>();

    Node(String name) {
      proto = DescriptorProto.newBuilder().setName(name);
    }

    DescriptorProto build() {
      nested.values().forEach(n -> proto.addNestedType(n.build()));
      enums.values().forEach(e -> proto.addEnumType(e.build()));
      return proto.build();
    }
  }

  private static FileDescriptor build() {
    Map<String, Node> top = new LinkedHashMap<>();
    Map<String, EnumDescriptorProto.Builder> topEnums = new LinkedHashMap<>();
    for (String[] row : rows()) {
      String[] path = row[1].split("\\.");
      if (row[0].equals("enum")) {
        Map<String, EnumDescriptorProto.Builder> scope =
            path.length == 1 ? topEnums : node(top, path, path.length - 1).enums;
        scope
            .computeIfAbsent(
                path[path.length - 1], n -> EnumDescriptorProto.newBuilder().setName(n))
            .addValue(
                EnumValueDescriptorProto.newBuilder()
                    .setName(row[2])
                    .setNumber(Integer.parseInt(row[3])));
      } else {
        field(node(top, path, path.length), row);
      }
    }
    FileDescriptorProto.Builder file =
        FileDescriptorProto.newBuilder()
            .setName("pipeline_spec.proto")
            .setPackage("ml_pipelines")
            .setSyntax("proto3")
            .addDependency("google/protobuf/duration.proto")
            .addDependency("google/protobuf/struct.proto")
            .addDependency("google/rpc/status.proto");
    top.values().forEach(n -> file.addMessageType(n.build()));
    topEnums.values().forEach(e -> file.addEnumType(e.build()));
    try {
      return FileDescriptor.buildFrom(
          file.build(),
          new FileDescriptor[] {
            DurationProto.getDescriptor(), StructProto.getDescriptor(), StatusProto.getDescriptor()
          });
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static Node node(Map<String, Node> top, String[] path, int depth) {
    Node node = top.computeIfAbsent(path[0], Node::new);
    for (int i = 1; i < depth; i++) {
      node = node.nested.computeIfAbsent(path[i], Node::new);
    }
    return node;
  }

  /** Adds one field row (name, number, label, type, oneof) to {@code node}. */
  private static void field(Node node, String[] row) {
    String name = row[2];
    String type = row[5];
    FieldDescriptorProto.Builder field =
        FieldDescriptorProto.newBuilder().setName(name).setNumber(Integer.parseInt(row[3]));
    if (type.startsWith("map<")) {
      String[] kv = type.substring(4, type.length() - 1).split(",");
      String entry = camel(name) + "Entry";
      Node entryNode = new Node(entry);
      entryNode.proto.setOptions(MessageOptions.newBuilder().setMapEntry(true));
      entryNode.proto.addField(typed(FieldDescriptorProto.newBuilder().setName("key"), kv[0], 1));
      entryNode.proto.addField(typed(FieldDescriptorProto.newBuilder().setName("value"), kv[1], 2));
      node.nested.put(entry, entryNode);
      field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setTypeName(entry);
    } else {
      typed(field, type, field.getNumber());
      field.setLabel(
          row[4].equals("repeated")
              ? FieldDescriptorProto.Label.LABEL_REPEATED
              : FieldDescriptorProto.Label.LABEL_OPTIONAL);
    }
    String oneof = row.length > 6 ? row[6] : "";
    if (!oneof.isEmpty()) {
      if (!node.oneofs.contains(oneof)) {
        node.oneofs.add(oneof);
        node.proto.addOneofDecl(OneofDescriptorProto.newBuilder().setName(oneof));
      }
      field.setOneofIndex(node.oneofs.indexOf(oneof));
    }
    node.proto.addField(field);
  }

  private static FieldDescriptorProto.Builder typed(
      FieldDescriptorProto.Builder field, String type, int number) {
    field.setNumber(number).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
    FieldDescriptorProto.Type scalar = SCALARS.get(type);
    return scalar != null ? field.setType(scalar) : field.setTypeName(type);
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    for (String part : snake.split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  private static List<String[]> rows() {
    try (InputStream in = KfpProtoSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
