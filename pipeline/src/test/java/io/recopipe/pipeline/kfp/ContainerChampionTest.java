package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.GetModelRequest;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.Services;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.infra.vertex.ModelUpload;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.testing.TestStep;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step in a pipeline container sees the champion the Vertex AI Model Registry names: the {@code
 * champion} alias resolved by {@code GetModel} through the real client, fetched once per task, and
 * a registry that cannot be read fails the step. (The Cloud Storage download behind the gcp
 * profile's source is tested with the store in {@code ChampionDownloadTest}, and after a job's
 * register and exit tasks in {@link JobChampionTest}; here the artifact URI is a local directory.)
 */
class ContainerChampionTest {
  @TempDir Path dir;

  private final FakeModelService fake = new FakeModelService();
  private VertexModelRegistryClient client;
  private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  @BeforeEach
  void start() throws Exception {
    client = fake.client();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** Writes what the champion bundle holds (or "none") to its report, reading it twice. */
  private static final TestStep READS_CHAMPION =
      TestStep.of(
              "reads-champion",
              List.of(Port.of("report", ArtifactType.REPORT)),
              context -> {
                Optional<Path> champion = context.championModel();
                context.championModel();
                Files.writeString(
                    context.output("report").resolve("champion.txt"),
                    champion.isEmpty()
                        ? "none"
                        : Files.readString(champion.get().resolve("weights.bin")));
              })
          .readingChampion();

  private String runStep() throws Exception {
    Pipeline pipeline = Pipeline.builder("movielens-mf").step("check", READS_CHAMPION).build();
    Path work = dir.resolve("work");
    new ContainerRun(
            pipeline,
            () -> null,
            Services.none(),
            work,
            quiet,
            (name, into) -> {
              Optional<Path> bundle =
                  client
                      .get(name, ModelRegistry.CHAMPION)
                      .map(v -> Path.of(java.net.URI.create(v.artifactUri())));
              if (bundle.isPresent() && !Files.isDirectory(bundle.get())) {
                throw new IOException("no bundle at " + bundle.get());
              }
              return bundle;
            })
        .run("check", "job-1", Map.of(), Map.of("report", dir.resolve("out")), Map.of(), Map.of());
    return Files.readString(dir.resolve("out").resolve("champion.txt"));
  }

  private String register(String key, String weights) throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("bundles").resolve(key));
    Files.writeString(bundle.resolve("weights.bin"), weights);
    return client.upload(
        new ModelUpload(
            "movielens-mf",
            "movielens-mf",
            bundle.toUri().toString(),
            "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:ab",
            "",
            Map.of(),
            null));
  }

  @Test
  void theStepReadsTheRegistrysChampionOnce() throws Exception {
    assertEquals("none", runStep(), "no model in the registry yet");
    register("r1/export/model", "one");
    String v2 = register("r2/export/model", "two");
    assertEquals("none", runStep(), "versions, but no champion alias");
    client.mergeAliases("movielens-mf", v2, List.of(ModelRegistry.CHAMPION));

    int gets = fake.requests(GetModelRequest.class).size();
    assertEquals("two", runStep());
    assertEquals(gets + 1, fake.requests(GetModelRequest.class).size(), "fetched once per task");
  }

  @Test
  void aChampionThatCannotBeReadFailsTheStep() throws Exception {
    String v1 = register("r1/export/model", "one");
    client.mergeAliases("movielens-mf", v1, List.of(ModelRegistry.CHAMPION));
    Files.delete(dir.resolve("bundles/r1/export/model/weights.bin"));
    Files.delete(dir.resolve("bundles/r1/export/model"));
    OperationFailedException e = assertThrows(OperationFailedException.class, this::runStep);
    assertTrue(e.getMessage().contains("cannot fetch the champion model"), e.getMessage());
  }
}
