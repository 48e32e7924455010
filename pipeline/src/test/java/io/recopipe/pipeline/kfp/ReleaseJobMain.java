package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.gax.core.NoCredentialsProvider;
import io.recopipe.components.api.Services;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.cloudrun.CanaryCheck;
import io.recopipe.infra.cloudrun.CloudRunClients;
import io.recopipe.infra.cloudrun.CloudRunDeployTarget;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container entrypoint of {@link ReleasePipeline}'s compiled spec, as {@code recopipe
 * component} is the shipped pipeline's: {@code component STEP|--commit} with KFP's arguments, run
 * through {@link ContainerRun} with the services a gcp job has, here on this machine: the real
 * {@link CloudRunDeployTarget} on a loopback Cloud Run ({@value #CLOUD_RUN}), the SQLite registry,
 * approvals and audit log of {@value #DIR}, and a DuckDB warehouse there whose publish fails while
 * the file {@value #FAIL_PUBLISH} exists.
 */
public final class ReleaseJobMain {
  /** The shared directory (warehouse, metadata database). */
  static final String DIR = "RELEASE_TEST_DIR";

  /** The loopback Cloud Run's {@code host:port}. */
  static final String CLOUD_RUN = "RELEASE_TEST_CLOUD_RUN";

  /** While this file exists in {@value #DIR}, publishing the staged tables fails. */
  static final String FAIL_PUBLISH = "fail-publish";

  static final String PROJECT = "recopipe-demo";
  static final String REGION = "europe-west1";
  static final String SERVICE = "recommender";

  private ReleaseJobMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getenv(DIR));
    String step = null;
    boolean commit = false;
    String runId = "component";
    Optional<JsonNode> input = Optional.empty();
    Map<String, Path> inputs = new LinkedHashMap<>();
    Map<String, Path> outputs = new LinkedHashMap<>();
    Map<String, Path> outputParameters = new LinkedHashMap<>();
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--commit" -> commit = true;
        case "--run-id" -> runId = args[++i];
        case "--executor-input" -> input = Optional.of(Json.parse(args[++i]));
        case "--input" -> put(inputs, args[++i]);
        case "--output" -> put(outputs, args[++i]);
        case "--output-parameter" -> put(outputParameters, args[++i]);
        case "--param" -> {
          String[] kv = args[++i].split("=", 2);
          params.put(kv[0], kv[1]);
        }
        default -> step = args[i];
      }
    }
    try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"));
        CloudRunClients client = clients(System.getenv(CLOUD_RUN))) {
      // the SQLite registry keys versions to a run of the home; a Vertex job has none
      RunRepository runs = new RunRepository(store);
      if (runs.find(runId).isEmpty()) {
        runs.insert(
            new RunRecord(
                runId,
                ReleasePipeline.NAME,
                RunStatus.RUNNING,
                null,
                Map.of(),
                Instant.now(),
                null,
                "vertex",
                1,
                null));
      }
      Warehouse[] opened = new Warehouse[1];
      HomeReview review = HomeReview.sqlite(store, Clock.systemUTC());
      JobRegistry jobs =
          new JobRegistry(
              new SqliteModelRegistry(store),
              review.approvals(),
              review.audit(),
              (uri, bundle) -> bundle.toUri().toString(), // the bundle stays where it is
              Clock.systemUTC());
      Services services =
          Services.none().with(JobRegistry.class, jobs).with(DeployTarget.class, target(client));
      ContainerRun run =
          new ContainerRun(
              ReleasePipeline.definition(),
              () -> opened[0] != null ? opened[0] : (opened[0] = warehouse(dir)),
              services,
              Files.createTempDirectory("release-task-"),
              System.out);
      try {
        if (commit) {
          run.commit(runId, input.orElseThrow(), params);
        } else {
          run.run(step, runId, inputs, outputs, params, outputParameters, input);
        }
      } finally {
        if (opened[0] != null) {
          opened[0].close();
        }
      }
    }
    System.out.flush();
  }

  /** The deploy target of the test's Cloud Run service, its canaries promoted once ready. */
  static CloudRunDeployTarget target(CloudRunClients client) {
    return new CloudRunDeployTarget(
        client,
        PROJECT,
        REGION,
        SERVICE,
        "serving@" + PROJECT + ".iam.gserviceaccount.com",
        List.of(),
        CanaryCheck.READY_IS_ENOUGH);
  }

  /** The real Cloud Run clients on loopback {@code endpoint}: plaintext, no credentials. */
  static CloudRunClients clients(String endpoint) throws IOException {
    return CloudRunClients.create(NoCredentialsProvider.create(), Optional.of(endpoint), true);
  }

  /** The shared DuckDB warehouse, its publish failing while {@value #FAIL_PUBLISH} exists. */
  private static Warehouse warehouse(Path dir) {
    try {
      Warehouse real = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"));
      return (Warehouse)
          Proxy.newProxyInstance(
              Warehouse.class.getClassLoader(),
              new Class<?>[] {Warehouse.class},
              (proxy, method, arguments) -> {
                if (method.getName().equals("publishStaged")
                    && Files.exists(dir.resolve(FAIL_PUBLISH))) {
                  throw new WarehouseException("publish refused (" + FAIL_PUBLISH + ")", null);
                }
                try {
                  return method.invoke(real, arguments);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    } catch (WarehouseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(Map<String, Path> map, String pair) {
    String[] kv = pair.split("=", 2);
    map.put(kv[0], Path.of(kv[1]));
  }
}
