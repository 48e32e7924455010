package io.recopipe.model.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/** Models, manifests and bundle surgery shared by the bundle tests. */
final class TestBundles {
  /** Ids that a line-based or naive encoding would break. */
  static final List<String> AWKWARD_IDS =
      List.of(
          "",
          "a\nb",
          "tab\there",
          "nul\u0000",
          "😀",
          "日本語",
          "\"quoted\"",
          "back\\slash",
          " ",
          "\r\n");

  private TestBundles() {}

  /** A model with random factors; the first users and items have awkward ids. */
  static MfModel randomModel(int users, int items, int k, long seed) {
    Random random = new Random(seed);
    float[] userFactors = new float[users * k];
    float[] itemFactors = new float[items * k];
    float[] userIntercepts = new float[users];
    float[] itemIntercepts = new float[items];
    fill(random, userFactors);
    fill(random, itemFactors);
    fill(random, userIntercepts);
    fill(random, itemIntercepts);
    if (users > 0) {
      userFactors[0] = -0.0f;
      userIntercepts[0] = Float.MIN_VALUE;
    }
    return new MfModel(
        ids("u", users),
        ids("i", items),
        k,
        3.58f,
        userFactors,
        userIntercepts,
        itemFactors,
        itemIntercepts);
  }

  private static void fill(Random random, float[] values) {
    for (int n = 0; n < values.length; n++) {
      values[n] = (float) random.nextGaussian();
    }
  }

  private static IdDictionary ids(String prefix, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      ids.add(n < AWKWARD_IDS.size() ? prefix + "-" + AWKWARD_IDS.get(n) : prefix + n);
    }
    return IdDictionary.of(ids);
  }

  /** A manifest with every field set, including NaN eval losses and metrics. */
  static BundleManifest manifest(int k) {
    Provenance provenance =
        Provenance.of(42, "sha256:feed", Map.of(Provenance.GIT_COMMIT_ENV, "abc123"));
    return BundleManifest.builder()
        .options(AlsOptions.builder().numFactors(k).l2Reg(0.5).build(), 1000)
        .trainingInfo(
            List.of(
                new TrainingIteration(0, 1.5, Double.NaN, 1.75, 12),
                new TrainingIteration(1, 0.9, 1.1, 1.0, 11)))
        .metric("rmse", 0.87)
        .metric("ndcg_at_10", Double.NaN)
        .provenance(provenance)
        .userColumn("visitor")
        .itemColumn("product")
        .build();
  }

  /** Writes a small bundle at {@code directory}/name and returns its path. */
  static Path writeSmall(Path directory, String name) throws IOException {
    Path target = directory.resolve(name);
    BundleWriter.write(target, randomModel(12, 9, 4, 1), manifest(4));
    return target;
  }

  /** Parses a bundle's manifest.json. */
  static ObjectNode readManifest(Path bundle) throws IOException {
    return JsonFields.asObject(Json.parse(Files.readAllBytes(bundle.resolve("manifest.json"))));
  }

  /** Replaces a bundle's manifest.json with {@code edit} applied to it. */
  static void editManifest(Path bundle, UnaryOperator<ObjectNode> edit) throws IOException {
    String json = Json.pretty(edit.apply(readManifest(bundle)));
    Files.write(bundle.resolve("manifest.json"), json.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns {@code object} with member {@code key} set to {@code value} (null removes it). */
  static ObjectNode with(ObjectNode object, String key, Object value) {
    ObjectNode copy = Json.object();
    object
        .properties()
        .forEach(
            member -> {
              if (!member.getKey().equals(key)) {
                copy.set(member.getKey(), member.getValue());
              } else if (value != null) {
                copy.set(key, Json.valueOf(value));
              }
            });
    if (!object.has(key) && value != null) {
      copy.set(key, Json.valueOf(value));
    }
    return copy;
  }

  /** Makes the manifest's entry for {@code file} match the file's current size and digest. */
  static void refreshEntry(Path bundle, String file) throws IOException {
    byte[] bytes = Files.readAllBytes(bundle.resolve(file));
    String sha;
    try {
      sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    editManifest(
        bundle,
        manifest -> {
          ArrayNode files = Json.array();
          for (JsonNode entry : JsonFields.array(manifest, "files")) {
            ObjectNode object = JsonFields.asObject(entry);
            files.add(
                JsonFields.string(object, "name").equals(file)
                    ? with(with(object, "bytes", (long) bytes.length), "sha256", sha)
                    : object);
          }
          return with(manifest, "files", files);
        });
  }
}
