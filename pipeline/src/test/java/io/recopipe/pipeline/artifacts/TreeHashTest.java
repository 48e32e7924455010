package io.recopipe.pipeline.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ahead on another thread hashes exactly the bytes reading each file in turn hashes. */
class TreeHashTest {
  @TempDir Path dir;

  @Test
  void theHashIsThatOfEveryFileReadInTurn() throws Exception {
    byte[] big = new byte[(5 << 20) / 2 + 17]; // more than two read-ahead buffers
    new Random(3).nextBytes(big);
    Files.write(dir.resolve("ratings.tsv"), big);
    Files.write(dir.resolve("empty.tsv"), new byte[0]);
    Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("a.json"), "{}\n");
    Files.write(dir.resolve("exact.bin"), new byte[1 << 20]);

    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long total = 0;
    for (String name : new String[] {"empty.tsv", "exact.bin", "ratings.tsv", "sub/a.json"}) {
      byte[] content = Files.readAllBytes(dir.resolve(name));
      digest.update(("F " + name + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(content);
      total += content.length;
    }
    assertEquals(new TreeHash(HexFormat.of().formatHex(digest.digest()), total), TreeHash.of(dir));
  }
}
