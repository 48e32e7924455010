package io.recopipe.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  @Test
  void convertsJavaValuesBothWays() {
    Map<String, Object> java = new LinkedHashMap<>();
    java.put("int", 3);
    java.put("long", 4L);
    java.put("double", 0.25);
    java.put("float", 0.5f);
    java.put("bool", true);
    java.put("text", "t");
    java.put("null", null);
    java.put("list", Arrays.asList(1, null, "x"));
    java.put("enum", Thread.State.NEW);
    Object back = JsonValue.of(java).toJava();
    Map<String, Object> expected = new LinkedHashMap<>(java);
    expected.put("int", 3L);
    expected.put("float", 0.5);
    expected.put("list", Arrays.asList(1L, null, "x"));
    expected.put("enum", "NEW");
    assertEquals(expected, back);
  }

  @Test
  void refusesUnsupportedJavaValues() {
    assertThrows(IllegalArgumentException.class, () -> JsonValue.of(new Object()));
    assertThrows(IllegalArgumentException.class, () -> JsonValue.of(Map.of(1, "x")));
  }

  @Test
  void typedGettersNameTheFieldAndTypes() {
    JsonObject object = JsonParser.parse("{\"seed\":\"x\",\"big\":3000000000,\"frac\":1.5,"
        + "\"whole\":2.0,\"nan\":null}").asObject();
    assertEquals("field 'seed': expected an integer, found string",
        assertThrows(JsonException.class, () -> object.getLong("seed")).getMessage());
    assertEquals("field 'missing' is missing",
        assertThrows(JsonException.class, () -> object.getString("missing")).getMessage());
    assertEquals("field 'big': expected a 32-bit integer, found 3000000000",
        assertThrows(JsonException.class, () -> object.getInt("big")).getMessage());
    assertEquals("field 'frac': expected an integer, found 1.5",
        assertThrows(JsonException.class, () -> object.getLong("frac")).getMessage());
    assertEquals("field 'seed': expected an object, found string",
        assertThrows(JsonException.class, () -> object.getObject("seed")).getMessage());
    assertEquals(2, object.getInt("whole"));
    assertTrue(Double.isNaN(object.getDoubleOrNaN("nan")));
    assertEquals("fallback", object.getString("nan", "fallback"));
    assertEquals("fallback", object.getString("absent", "fallback"));
  }

  @Test
  void numbersCompareByKindAndValue() {
    assertEquals(JsonNumber.of(1), JsonNumber.of(1L));
    assertNotEquals(JsonNumber.of(1), JsonNumber.of(1.0));
    assertEquals(JsonNumber.of(Double.NaN), JsonNumber.of(Double.NaN));
    assertEquals(JsonNumber.of(2.5).hashCode(), JsonNumber.of(2.5).hashCode());
  }

  @Test
  void builtValuesAreImmutable() {
    JsonObject.Builder builder = JsonObject.builder().put("a", 1);
    JsonObject first = builder.build();
    builder.put("b", 2);
    assertEquals(1, first.size());
    assertThrows(UnsupportedOperationException.class,
        () -> first.members().put("c", JsonNull.INSTANCE));
    JsonArray array = JsonValue.of(List.of(1)).asArray();
    assertThrows(UnsupportedOperationException.class, () -> array.values().add(JsonNull.INSTANCE));
  }
}
