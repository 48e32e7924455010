package io.recopipe.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Services;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.infra.config.GcpEnvironment;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.kfp.ChampionSource;
import io.recopipe.pipeline.kfp.ContainerRun;
import io.recopipe.pipeline.kfp.JobRegistry;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.review.BigQueryApprovals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recopipe component NAME --input port=PATH … --output port=PATH … --param k=v …}: runs one
 * step of the movielens-mf pipeline outside the runner. It is what each Vertex AI task executes in
 * the recopipe image, with the paths and parameters KFP substitutes.
 */
@Command(
    name = "component",
    mixinStandardHelpOptions = true,
    description =
        "Runs one step of the movielens-mf pipeline on the given artifact paths (the "
            + "Vertex AI container entrypoint). Exit codes: 0 done, 2 bad input, 1 failed.")
final class ComponentCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "NAME",
      arity = "0..1",
      description = "The step, e.g. train (none with --commit).")
  String step;

  @Option(
      names = "--commit",
      description =
          "Instead of a step, the exit task: publish the job's staged tables when the "
              + "executor input's final status is SUCCEEDED, else drop them; on the gcp profile "
              + "also settle the job's model version (--param promotion.policy=review: request "
              + "its approval).")
  boolean commit;

  @Option(
      names = "--executor-input",
      paramLabel = "JSON",
      description =
          "KFP's executor input ({{$}}): the step's metrics go to the executor output "
              + "file it names; --commit reads the final status from it.")
  String executorInput;

  @Option(names = "--input", paramLabel = "PORT=PATH", description = "An input artifact.")
  Map<String, Path> inputs = new LinkedHashMap<>();

  @Option(
      names = "--output",
      paramLabel = "PORT=PATH",
      description = "An output artifact " + "directory (created).")
  Map<String, Path> outputs = new LinkedHashMap<>();

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "A step parameter, without " + "the step prefix (num_factors=8).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--output-parameter",
      paramLabel = "NAME=FILE",
      description = "Write output " + "parameter NAME to FILE (the gate's blessed: true or false).")
  Map<String, Path> outputParameters = new LinkedHashMap<>();

  @Option(
      names = "--run-id",
      defaultValue = "component",
      paramLabel = "ID",
      description = "The run id the step sees (Vertex passes the pipeline job name).")
  String runId;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Scratch space for caches "
              + "and the step's warehouse (default: a new temporary directory).")
  Path workDir;

  @Override
  public Integer call() throws ComponentException, IOException, WarehouseException {
    if (commit == (step != null)) {
      throw new InvalidInputException("give either a step NAME or --commit");
    }
    Optional<JsonNode> input =
        executorInput == null ? Optional.empty() : Optional.of(Json.parse(executorInput));
    if (commit && input.isEmpty()) {
      throw new InvalidInputException(
          "--commit needs --executor-input (the exit task's final status)");
    }
    Path work = workDir != null ? workDir : Files.createTempDirectory("recopipe-component-");
    Warehouse[] opened = new Warehouse[1];
    GcpProfile gcp = gcpProfile(System.getenv());
    try {
      Supplier<Warehouse> warehouses =
          gcp != null
              ? gcp.warehouses()
              : () -> {
                if (opened[0] == null) {
                  opened[0] = openWarehouse(work.resolve("warehouse.duckdb"));
                }
                return opened[0];
              };
      ContainerRun run =
          new ContainerRun(
              MovieLensMfPipeline.definition(),
              warehouses,
              gcp != null
                  ? gcp.services().with(JobRegistry.class, jobRegistry(gcp))
                  : Services.none(),
              work,
              System.out,
              gcp != null ? champions(gcp) : ChampionSource.NONE);
      if (commit) {
        run.commit(runId, input.orElseThrow(), params);
      } else {
        run.run(step, runId, inputs, outputs, params, outputParameters, input);
      }
      return ExitCodes.OK;
    } finally {
      System.out.flush();
      if (opened[0] != null) {
        opened[0].close();
      }
      if (gcp != null) {
        gcp.close();
      }
    }
  }

  /**
   * The gcp profile when the container's environment turns it on (a spec compiled for a gcp project
   * sets {@code RECOPIPE_PROFILE=gcp} and the {@code RECOPIPE_GCP_*} variables).
   */
  static GcpProfile gcpProfile(Map<String, String> env) {
    if (!GcpEnvironment.isGcp(env)) {
      return null;
    }
    Map<String, String> parameters = GcpEnvironment.parameters(env);
    String source = "the container's RECOPIPE_GCP_* environment";
    return GcpProfile.open(
        GcpConfig.from(parameters, source),
        GcpEndpoints.from(parameters, source),
        ProfileOption.credentials);
  }

  /** The champion the registry of the gcp profile names (the Vertex AI Model Registry). */
  static ChampionSource champions(GcpProfile gcp) {
    return ChampionSource.of(gcp.champions());
  }

  /**
   * Where the job's register and exit tasks keep its model version and approval request: the Vertex
   * AI Model Registry (the version records the bundle as uploaded to the profile's artifact store
   * and the pushed image by digest) and the BigQuery approvals table, audited to the BigQuery audit
   * log.
   */
  static JobRegistry jobRegistry(GcpProfile gcp) {
    BigQueryAuditLog audit = BigQueryAuditLog.of(gcp);
    return JobRegistry.onVertex(
        gcp.modelRegistry(),
        gcp.artifacts(),
        new BigQueryApprovals(gcp.approvalTable(), audit),
        audit,
        Clock.systemUTC());
  }

  private static Warehouse openWarehouse(Path file) {
    try {
      return DuckDbWarehouse.open(file);
    } catch (WarehouseException e) {
      throw new OperationFailedException(e.getMessage(), e);
    }
  }
}
