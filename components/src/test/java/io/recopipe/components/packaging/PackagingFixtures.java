package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/** Tiny bundles, fake serving dists and a tiny base tarball for the packaging tests. */
public final class PackagingFixtures {
  private PackagingFixtures() {}

  /** Writes a small random model bundle drawn with {@code seed} into {@code dir}. */
  public static Path bundle(Path dir, long seed) throws IOException {
    int users = 20;
    int items = 15;
    int k = 4;
    Random random = new Random(seed);
    float[] uf = gaussians(random, users * k);
    float[] itf = gaussians(random, items * k);
    MfModel model =
        new MfModel(
            ids("u", users),
            ids("i", items),
            k,
            3.5f,
            uf,
            gaussians(random, users),
            itf,
            gaussians(random, items));
    Provenance provenance =
        Provenance.of(seed, "sha256:feed", Map.of(Provenance.GIT_COMMIT_ENV, "abc123"));
    BundleManifest manifest =
        BundleManifest.builder()
            .feedbackType("EXPLICIT")
            .options(Map.of("num_factors", k))
            .dataFingerprint("sha256:feed")
            .provenance(provenance)
            .build();
    BundleWriter.write(dir, model, manifest);
    return dir;
  }

  /** A fake serving dist: {@code recopipe-serving.jar} and two lib jars. */
  static Path servingDist(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    jar(dir.resolve(ServingDist.JAR), "io/recopipe/serving/ServingMain.class", "main");
    jar(dir.resolve("lib/alpha-1.0.jar"), "alpha/A.class", "alpha");
    jar(dir.resolve("lib/beta-2.0.jar"), "beta/B.class", "beta");
    Files.writeString(dir.resolve("lib/README.txt"), "not a jar");
    return dir;
  }

  /** A one-layer scratch image with {@code /etc/os-release}, written as a docker-save tarball. */
  static Path baseTarball(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path osRelease = dir.resolve("os-release");
    Files.writeString(osRelease, "ID=tiny\nVERSION_ID=1\n");
    Path tar = dir.resolve("base.tar");
    Jib.fromScratch()
        .addFileEntriesLayer(
            FileEntriesLayer.builder()
                .setName("os")
                .addEntry(osRelease, AbsoluteUnixPath.get("/etc/os-release"))
                .build())
        .addLabel("base.label", "tiny")
        .containerize(
            Containerizer.to(TarImage.at(tar).named("tiny/base:1"))
                .setBaseImageLayersCache(dir.resolve("cache/base"))
                .setApplicationLayersCache(dir.resolve("cache/app")));
    return tar;
  }

  private static void jar(Path file, String entry, String content) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      ZipEntry e = new ZipEntry(entry);
      e.setTime(0);
      jar.putNextEntry(e);
      jar.write(content.getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }

  private static float[] gaussians(Random random, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) random.nextGaussian();
    }
    return out;
  }

  private static IdDictionary ids(String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(prefix + i);
    }
    return IdDictionary.of(ids);
  }
}
