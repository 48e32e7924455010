package io.recopipe.components.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar reading under a deploy: PAX long names, whiteouts, and no escape from the root. */
class ImageTarballTest {
  @TempDir
  Path tmp;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsPaxLongNamesAndAppliesWhiteouts() throws IOException {
    String longName = "app/" + "x".repeat(150) + "/deep.txt";
    String pax = " path=" + longName + "\n";
    String record = (pax.length() + 4) + pax;
    Map<String, byte[]> first = new LinkedHashMap<>();
    first.put("app/gone.txt", bytes("old"));
    first.put("app/kept.txt", bytes("kept"));
    ByteArrayOutputStream layer = new ByteArrayOutputStream();
    byte[] base = TestImages.tar(first);
    layer.write(base, 0, base.length - 1024);
    byte[] paxEntry = TestImages.tar(Map.of("PaxHeader", bytes(record)));
    paxEntry[156] = 'x';
    layer.write(paxEntry, 0, paxEntry.length - 1024);
    Map<String, byte[]> rest = new LinkedHashMap<>();
    rest.put("truncated-name", bytes("deep"));
    rest.put("app/.wh.gone.txt", new byte[0]);
    layer.writeBytes(TestImages.tar(rest));

    Path root = tmp.resolve("root");
    ImageTarball.extract(new ByteArrayInputStream(layer.toByteArray()), root);

    assertEquals("deep", Files.readString(root.resolve(longName)));
    assertEquals("kept", Files.readString(root.resolve("app/kept.txt")));
    assertFalse(Files.exists(root.resolve("app/gone.txt")));
  }

  @Test
  void refusesEntriesThatEscapeTheRoot() throws IOException {
    byte[] evil = TestImages.tar(Map.of("../evil.txt", bytes("x")));
    assertThrows(IOException.class,
        () -> ImageTarball.extract(new ByteArrayInputStream(evil), tmp.resolve("root")));
    assertFalse(Files.exists(tmp.resolve("evil.txt")));
  }
}
