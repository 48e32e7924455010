package io.recopipe.infra.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A committed artifact is mirrored under its metadata URI and comes back byte for byte. */
class GcsArtifactMirrorTest {
  @TempDir Path dir;

  @Test
  void mirrorsUnderTheArtifactUri() throws Exception {
    Storage storage = LocalStorageHelper.getOptions().getService();
    GcsArtifactStore store = new GcsArtifactStore(storage, "bucket", "artifacts");
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.writeString(model.resolve("manifest.json"), "{\"format\":1}");
    Files.write(model.resolve("user_factors.f32"), new byte[] {1, 2, 3, 4});

    String where = new GcsArtifactMirror(store).mirror("20261122-1-abc/export/model", model);

    assertEquals("gs://bucket/artifacts/20261122-1-abc/export/model/", where);
    Path back = dir.resolve("back");
    store.download("20261122-1-abc/export/model", back);
    assertEquals("{\"format\":1}", Files.readString(back.resolve("manifest.json")));
    assertEquals(4, Files.size(back.resolve("user_factors.f32")));
  }
}
