package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.recopipe.model.bundle.BundleWriter.IfExists;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleWriterTest {
  @TempDir Path temp;

  private static BundleWriter failingAt(String failingStep) {
    return new BundleWriter(
        step -> {
          if (step.equals(failingStep)) {
            throw new IOException("simulated failure at " + step);
          }
        });
  }

  private List<Path> entriesOf(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "users.ids",
        "items.ids",
        "user_factors.f32",
        "item_factors.f32",
        "user_intercepts.f32",
        "item_intercepts.f32",
        "manifest.json",
        "rename"
      })
  void aFailureMidWriteLeavesNothingBehind(String step) throws IOException {
    Path target = temp.resolve("m");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                failingAt(step)
                    .writeBundle(
                        target,
                        TestBundles.randomModel(12, 9, 4, 1),
                        TestBundles.manifest(4),
                        IfExists.FAIL));
    assertEquals("simulated failure at " + step, e.getMessage());
    assertFalse(Files.exists(target));
    assertEquals(List.of(), entriesOf(temp), "no staging debris");
  }

  @ParameterizedTest
  @ValueSource(strings = {"item_factors.f32", "manifest.json", "rename", "swap"})
  void aFailureMidReplaceKeepsTheOldBundle(String step) throws IOException {
    Path target = TestBundles.writeSmall(temp, "m");
    byte[] oldManifest = Files.readAllBytes(target.resolve("manifest.json"));
    MfModel replacement = TestBundles.randomModel(3, 3, 4, 99);
    assertThrows(
        IOException.class,
        () ->
            failingAt(step)
                .writeBundle(target, replacement, TestBundles.manifest(4), IfExists.REPLACE));
    assertArrayEquals(oldManifest, Files.readAllBytes(target.resolve("manifest.json")));
    assertEquals(12, ModelBundle.load(target).model().users().size());
    assertEquals(List.of(target), entriesOf(temp), "no staging or backup debris");
  }

  @Test
  void refusesAnExistingTargetByDefault() throws IOException {
    Path target = TestBundles.writeSmall(temp, "m");
    byte[] oldManifest = Files.readAllBytes(target.resolve("manifest.json"));
    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class,
            () ->
                BundleWriter.write(
                    target, TestBundles.randomModel(3, 3, 4, 2), TestBundles.manifest(4)));
    assertTrue(e.getMessage().contains("already exists; pass IfExists.REPLACE"), e.getMessage());
    assertArrayEquals(oldManifest, Files.readAllBytes(target.resolve("manifest.json")));
    assertEquals(List.of(target), entriesOf(temp));
  }

  @Test
  void replacesAnExistingBundleWhenAsked() throws IOException {
    Path target = TestBundles.writeSmall(temp, "m");
    MfModel replacement = TestBundles.randomModel(3, 5, 4, 2);
    BundleWriter.write(target, replacement, TestBundles.manifest(4), IfExists.REPLACE);
    ModelBundleTest.assertModelsIdentical(replacement, ModelBundle.load(target).model());
    assertEquals(List.of(target), entriesOf(temp), "the backup is deleted");
  }

  @Test
  void replacesAnEmptyDirectory() throws IOException {
    Path target = Files.createDirectory(temp.resolve("m"));
    BundleWriter.write(
        target, TestBundles.randomModel(3, 5, 4, 2), TestBundles.manifest(4), IfExists.REPLACE);
    assertEquals(3, ModelBundle.load(target).model().users().size());
  }

  @Test
  void refusesToReplaceSomethingThatIsNotABundle() throws IOException {
    Path directory = Files.createDirectory(temp.resolve("home"));
    Files.writeString(directory.resolve("notes.txt"), "precious");
    Path file = Files.writeString(temp.resolve("file"), "precious");
    for (Path target : List.of(directory, file)) {
      FileAlreadyExistsException e =
          assertThrows(
              FileAlreadyExistsException.class,
              () ->
                  BundleWriter.write(
                      target,
                      TestBundles.randomModel(3, 3, 4, 2),
                      TestBundles.manifest(4),
                      IfExists.REPLACE));
      assertTrue(e.getMessage().contains("is not a model bundle"), e.getMessage());
    }
    assertEquals("precious", Files.readString(directory.resolve("notes.txt")));
    assertEquals("precious", Files.readString(file));
  }

  @Test
  void aReadOnlyParentLeavesNoBundle() throws IOException {
    Path parent = Files.createDirectory(temp.resolve("ro"));
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(parent), "permissions are not enforced (running as root)");
      Path target = parent.resolve("m");
      assertThrows(
          IOException.class,
          () ->
              BundleWriter.write(
                  target, TestBundles.randomModel(3, 3, 4, 2), TestBundles.manifest(4)));
      assertFalse(Files.exists(target));
    } finally {
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void refusesOptionsThatContradictTheModel() {
    BundleManifest manifest = TestBundles.manifest(8);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BundleWriter.write(
                    temp.resolve("m"), TestBundles.randomModel(3, 3, 4, 2), manifest));
    assertEquals("manifest options say num_factors 8 but the model has 4 factors", e.getMessage());
    assertFalse(Files.exists(temp.resolve("m")));
  }

  @Test
  void refusesIdsThatUtf8CannotCarry() throws IOException {
    MfModel model =
        new MfModel(
            IdDictionary.of(List.of("ok", "bad\ud800")),
            IdDictionary.of(List.of("i")),
            2,
            0f,
            new float[4],
            new float[2],
            new float[2],
            new float[1]);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BundleWriter.write(temp.resolve("m"), model, TestBundles.manifest(2)));
    assertEquals(
        "users.ids: id #1 holds an unpaired UTF-16 surrogate and cannot be stored as " + "UTF-8",
        e.getMessage());
    assertEquals(List.of(), entriesOf(temp));
  }

  @Test
  void ignoresStagingDebrisOfACrashedWriter() throws IOException {
    Path debris = Files.createDirectory(temp.resolve(".m.tmp-0123456789ab"));
    Files.writeString(debris.resolve("user_factors.f32"), "half");
    Path target = TestBundles.writeSmall(temp, "m");
    assertEquals(12, ModelBundle.load(target).model().users().size());
  }

  @Test
  void writesIntoANewParentDirectory() throws IOException {
    Path target = temp.resolve("a/b/c/m");
    ModelBundle bundle =
        BundleWriter.write(target, TestBundles.randomModel(2, 2, 4, 1), TestBundles.manifest(4));
    assertEquals(target.toAbsolutePath(), bundle.directory());
    assertEquals(
        Map.of("rmse", 0.87, "ndcg_at_10", Double.NaN),
        ModelBundle.load(target).manifest().metrics());
  }
}
