package io.recopipe.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Placeholders resolved as KFP's launcher resolves them ({@code getPlaceholders} in
 * backend/src/v2/component/launcher_v2.go), on executors copied from kubeflow/pipelines @
 * 7b70c7b95f6832772efd6fd0029a4024491a0f44.
 */
class PlaceholdersTest {
  private final ArtifactRoot root = new ArtifactRoot(Path.of("/r"));

  private Placeholders of(String executorInput) {
    JsonNode input = Json.parse(executorInput);
    return Placeholders.of(input, uri -> root.localPath(uri).map(Path::toString).orElse(null));
  }

  /** test_data/sdk_compiled_pipelines/valid/container_io.yaml: exec-container-io. */
  @Test
  void containerIo() {
    Placeholders placeholders =
        of(
            """
            {"inputs": {"parameterValues": {"text": "hi there"}},
             "outputs": {"parameters": {"output_path": {"outputFile": "/t/outputs/output_path"}},
                         "outputFile": "/r/gcs/b/x/output_metadata.json"}}""");
    assertEquals(
        List.of("my_program", "hi there"),
        placeholders.resolve(List.of("my_program", "{{$.inputs.parameters['text']}}")));
    assertEquals(
        List.of("--output_path", "/t/outputs/output_path"),
        placeholders.resolve(
            List.of("--output_path", "{{$.outputs.parameters['output_path'].output_file}}")));
    assertEquals(
        "/r/gcs/b/x/output_metadata.json", placeholders.resolve("{{$.outputs.output_file}}"));
  }

  @Test
  void typedValuesAsTheLauncherFormatsThem() {
    Placeholders placeholders =
        of(
            """
            {"inputs": {"parameterValues": {"n": 42.0, "small": 0.00001, "rate": 0.1,
              "flag": false, "list": [1.0, "a"], "struct": {"k": 2.5}}}}""");
    assertEquals("42", placeholders.resolve("{{$.inputs.parameters['n']}}"));
    assertEquals("0.00001", placeholders.resolve("{{$.inputs.parameters['small']}}"));
    assertEquals("0.1", placeholders.resolve("{{$.inputs.parameters['rate']}}"));
    assertEquals("false", placeholders.resolve("{{$.inputs.parameters['flag']}}"));
    assertEquals("[1,\"a\"]", placeholders.resolve("{{$.inputs.parameters['list']}}"));
    assertEquals("{\"k\":2.5}", placeholders.resolve("{{$.inputs.parameters['struct']}}"));
  }

  /** Artifact URIs and their /gcs/ paths, and {{$}} as the whole ExecutorInput. */
  @Test
  void artifactsAndTheWholeExecutorInput() {
    String input =
        """
        {"inputs": {"artifacts": {"dataset": {"artifacts": [{"name": "dataset",
           "uri": "gs://b/root/job/ingest/1/dataset"}]}}},
         "outputs": {"artifacts": {"model": {"artifacts": [{"name": "model",
           "uri": "gs://b/root/job/train/2/model"}]}}}}""";
    Placeholders placeholders = of(input);
    assertEquals(
        "gs://b/root/job/ingest/1/dataset",
        placeholders.resolve("{{$.inputs.artifacts['dataset'].uri}}"));
    assertEquals(
        "--input dataset=/r/gcs/b/root/job/ingest/1/dataset",
        placeholders.resolve("--input dataset={{$.inputs.artifacts['dataset'].path}}"));
    assertEquals(
        "/r/gcs/b/root/job/train/2/model",
        placeholders.resolve("{{$.outputs.artifacts['model'].path}}"));
    assertEquals(Json.compact(Json.parse(input)), placeholders.resolve("{{$}}"));
    // a placeholder naming nothing stays as written, as with strings.ReplaceAll
    assertEquals(
        "{{$.inputs.parameters['none']}}", placeholders.resolve("{{$.inputs.parameters['none']}}"));
  }
}
