package io.recopipe.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes the ready state ({@code pid, port, admin_port, model_name, model_version, run_id,
 * started_at}) atomically through a temp file and a rename, so that a deployer polling for the file
 * never reads half of it. It is written with Jackson's streaming generator (pretty-printed as
 * before), since the state file is part of becoming ready and the data-binding mapper is not.
 */
public final class StateFile {
  private static final JsonFactory FACTORY = new JsonFactory();

  private StateFile() {}

  /**
   * Writes {@code state} as JSON to {@code path}; values are strings, numbers, booleans, nulls or
   * lists of those.
   */
  public static void write(Path path, Map<String, Object> state) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] json = toJson(state);
    Path temp = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
    try {
      Files.write(temp, json);
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The state as pretty-printed JSON, fields in the map's order. */
  static byte[] toJson(Map<String, Object> state) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      json.writeStartObject();
      for (Map.Entry<String, Object> field : state.entrySet()) {
        json.writeFieldName(field.getKey());
        writeValue(json, field.getKey(), field.getValue());
      }
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator json, String key, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        writeValue(json, key, item);
      }
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException(
          "state field " + key + ": cannot write a " + value.getClass().getSimpleName());
    }
  }
}
