package io.recopipe.model.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A model bundle kept as a test resource exactly as a release wrote it, with what it must read back
 * as, so that the model module's reader and serving's loader are held to the same bytes and the
 * same answers whatever either becomes (resources under {@code io/recopipe/model/bundle/}, shared
 * with serving through this module's test-jar).
 *
 * <p>How each was made: {@link #EXPLICIT_EXPORT} is the {@code export/model} output and {@link
 * #IMPLICIT_TRAIN} the {@code train/model} output of {@code recopipe run} at commit 6329e23 on
 * 2026-12-03, on 32 ratings of 8 users and 6 items ({@code --set tune.num_factors_range=[2,2] --set
 * train.max_iterations=3 --set ingest.eval_fraction=0.25}, {@code train.method=als}, resp. {@code
 * train.feedback_type=implicit}); {@link #MINIMAL} was written once by {@code
 * BundleWriter.write(dir, model, manifest)} at 6329e23 on 2026-12-03 from a hand-made 3 × 3, k = 2
 * model with awkward ids, no rated items, no rating range and no training info; {@link #LEGACY} is
 * the older writer's bundle (provenance with run id, time, JVM and OS), committed in 3fab929.
 *
 * @param directory the resource directory under {@code io/recopipe/model/bundle/}
 * @param files every file in it, manifest included
 * @param contentVersion its {@code ContentVersion}
 * @param userIds user ids by index
 * @param itemIds item ids by index
 * @param globalIntercept the global intercept
 * @param predictions {@code MfModel.predict(u, i)} for every user u (rows) and item i
 * @param top the first user's top 3 items, rated ones included
 * @param topUnrated the first user's top 3 items, rated ones left out
 */
public record BundleFixture(
    String directory,
    List<String> files,
    String contentVersion,
    List<String> userIds,
    List<String> itemIds,
    float globalIntercept,
    float[] predictions,
    Top top,
    Top topUnrated) {

  /** A top-K answer: item ids best first and their raw scores. */
  public record Top(List<String> itemIds, float[] scores) {}

  private static final String ROOT = "/io/recopipe/model/bundle/";
  private static final List<String> MODEL_FILES =
      List.of(
          "item_factors.f32",
          "item_intercepts.f32",
          "items.ids",
          "manifest.json",
          "user_factors.f32",
          "user_intercepts.f32",
          "users.ids");
  private static final List<String> WITH_RATED =
      List.of(
          "item_factors.f32",
          "item_intercepts.f32",
          "items.ids",
          "manifest.json",
          "rated_items.i32",
          "user_factors.f32",
          "user_intercepts.f32",
          "users.ids");
  private static final List<String> EIGHT = List.of("1", "2", "3", "4", "5", "6", "7", "8");
  private static final List<String> SIX = List.of("2", "4", "5", "6", "1", "3");

  /** The exported explicit model, with rated items, a rating range and data_profile.json. */
  public static final BundleFixture EXPLICIT_EXPORT =
      new BundleFixture(
          "compat/v1-explicit-export",
          List.of(
              "data_profile.json",
              "item_factors.f32",
              "item_intercepts.f32",
              "items.ids",
              "manifest.json",
              "rated_items.i32",
              "user_factors.f32",
              "user_intercepts.f32",
              "users.ids"),
          "9c30e51454bb",
          EIGHT,
          SIX,
          2.8333333f,
          new float[] {
            4.320389f, 4.708045f, 2.103572f, 2.233325f, 3.9913208f, 3.7762344f,
            2.9539554f, 4.3231964f, 1.3200792f, 2.0258296f, 3.7879183f, 3.165906f,
            2.5885868f, 4.7141676f, 1.7854847f, 2.7157726f, 4.4595413f, 3.5055618f,
            3.0692074f, 2.2745686f, 4.2960415f, 1.3595766f, 2.8688645f, 2.9452777f,
            3.3569417f, 4.7737684f, 2.0749357f, 2.6235623f, 4.366642f, 3.7093973f,
            3.0831146f, 4.645738f, 1.2409031f, 2.2448626f, 4.0269747f, 3.3402417f,
            2.660881f, 3.6002488f, 1.2598649f, 1.4337696f, 3.1656516f, 2.698443f,
            2.4833677f, 3.403899f, 1.2251084f, 1.3000457f, 3.0225914f, 2.5558317f
          },
          new Top(List.of("4", "2", "1"), new float[] {4.708045f, 4.320389f, 3.9913208f}),
          new Top(List.of("1", "3"), new float[] {3.9913208f, 3.7762344f}));

  /** The trained implicit model: zero intercepts, a recorded but unused rating range. */
  public static final BundleFixture IMPLICIT_TRAIN =
      new BundleFixture(
          "compat/v1-implicit-train",
          WITH_RATED,
          "6edb013801d1",
          EIGHT,
          SIX,
          0.0f,
          new float[] {
            0.9870997f, 1.0055051f, 1.0413839f, 0.96977526f, 0.06298441f, -0.19637638f,
            0.99272746f, 0.056888144f, 0.97130716f, 0.92029536f, 0.9976802f, 0.14443602f,
            1.0137489f, 0.9972035f, 0.6203434f, 0.59671617f, 1.0015049f, -0.23720986f,
            0.6536686f, 0.8941664f, 1.018457f, 0.988663f, -0.1057033f, 0.22482583f,
            0.6541299f, 1.034014f, 1.0262699f, 1.0129869f, -0.09570318f, 0.20437321f,
            0.56456345f, 1.0009873f, 0.7641946f, 0.7217389f, -0.255396f, 0.035717554f,
            0.34118447f, 0.14105305f, 1.0182307f, 1.0106745f, 0.21436878f, 0.9933316f,
            0.6643817f, 0.014021892f, 0.9499783f, 0.97280574f, 1.0008496f, 0.569106f
          },
          new Top(List.of("5", "4", "2"), new float[] {1.0413839f, 1.0055051f, 0.9870997f}),
          new Top(List.of("1", "3"), new float[] {0.06298441f, -0.19637638f}));

  /** The hand-made model: awkward ids, custom column names, nothing optional. */
  public static final BundleFixture MINIMAL =
      new BundleFixture(
          "compat/v1-minimal",
          MODEL_FILES,
          "4868d982b689",
          List.of("u1", "ü ß\t2", "line\nbreak"),
          List.of("i1", "😀", "日本"),
          3.5f,
          new float[] {4.6875f, 0.75f, 6.1875f, 5.78125f, 2.0f, 4.625f, 3.875f, 6.625f, 2.71875f},
          new Top(List.of("日本", "i1", "😀"), new float[] {6.1875f, 4.6875f, 0.75f}),
          new Top(List.of("日本", "i1", "😀"), new float[] {6.1875f, 4.6875f, 0.75f}));

  /** The bundle of the writer before content versions (older provenance fields). */
  public static final BundleFixture LEGACY =
      new BundleFixture(
          "legacy-bundle-v1",
          WITH_RATED,
          "a7640113bf40",
          List.of("u1", "u2", "u3"),
          List.of("i1", "i2", "i3", "i4"),
          3.5f,
          new float[] {
            3.6499999f,
            2.9499998f,
            4.25625f,
            3.50625f,
            3.6625f,
            2.7749999f,
            4.284375f,
            3.346875f,
            3.9125f,
            4.5249996f,
            3.4250002f,
            3.9875f
          },
          new Top(List.of("i3", "i1", "i4"), new float[] {4.25625f, 3.6499999f, 3.50625f}),
          new Top(List.of("i4", "i2"), new float[] {3.50625f, 2.9499998f}));

  /** Every fixture, for parameterized tests. */
  public static List<BundleFixture> all() {
    return List.of(EXPLICIT_EXPORT, IMPLICIT_TRAIN, MINIMAL, LEGACY);
  }

  /**
   * Copies the fixture's files into a new directory {@code parent/name} (from the classpath, so it
   * works from a test-jar too) and returns it; tests never touch the resources themselves.
   */
  public Path copyTo(Path parent) throws IOException {
    Path target = Files.createDirectories(parent.resolve(directory.replace('/', '-')));
    for (String file : files) {
      try (InputStream in =
          BundleFixture.class.getResourceAsStream(ROOT + directory + "/" + file)) {
        if (in == null) {
          throw new IOException("missing test resource " + ROOT + directory + "/" + file);
        }
        Files.copy(in, target.resolve(file));
      }
    }
    return target;
  }

  /** The raw bytes of one of the fixture's files. */
  public byte[] bytes(String file) throws IOException {
    try (InputStream in = BundleFixture.class.getResourceAsStream(ROOT + directory + "/" + file)) {
      if (in == null) {
        throw new IOException("missing test resource " + ROOT + directory + "/" + file);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public String toString() {
    return directory;
  }
}
