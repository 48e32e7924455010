package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file is the same document the data-binding mapper wrote, without the mapper. */
class StateFileTest {
  @TempDir Path dir;

  @Test
  void writesTheBytesTheMapperWrote() throws Exception {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("pid", 4242L);
    state.put("host", "127.0.0.1");
    state.put("port", 8080);
    state.put("ports", List.of(8080, 41234));
    state.put("admin_port", 39001);
    state.put("model_name", "recommender_model");
    state.put("model_version", "61f449937e19");
    state.put("run_id", null);
    state.put("started_at", "2026-12-02T14:21:00.123Z");
    state.put("supervisor_pid", 4243L);
    state.put("stopping", true);
    Path file = dir.resolve("sub/state.json");

    StateFile.write(file, state);

    assertArrayEquals(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(state),
        Files.readAllBytes(file));
    try (var left = Files.list(file.getParent())) {
      assertTrue(left.allMatch(file::equals), "no temp file left behind");
    }
  }

  @Test
  void refusesAValueItCannotWrite() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> StateFile.write(dir.resolve("state.json"), Map.of("started", new Object())));
    assertTrue(refused.getMessage().contains("state field started"), refused.getMessage());
  }
}
