package io.recopipe.components.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.Warmups;
import io.recopipe.components.dataset.DatasetInput;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.dataset.MovieTitles;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.BatchRecommender;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.weights.ModelWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code export} step: copies the blessed bundle as the pipeline's exported model and publishes
 * it as SQL tables, {@code weights} (ML.WEIGHTS rows) and {@code recommendations} (top-N per user
 * with titles; predicted ratings clamped into the bundle's rating range, as serving answers them),
 * so the model is usable by people who never load a bundle. The exported bundle also carries {@code
 * data_profile.json}, the profile of the data it was trained and evaluated on, which the gate of
 * later runs compares their data with.
 *
 * <p>Parameters: {@code top_n} (default 50) and {@code exclude_rated} (default true; items rated in
 * the train split are left out).
 */
public final class ExportComponent extends AbstractComponent {
  /** The component name. */
  public static final String NAME = "export";

  /** The report file inside the REPORT output. */
  public static final String REPORT_FILE = "export.json";

  /** Creates the component. */
  public ExportComponent() {
    super(
        NAME,
        "3",
        List.of(Port.of("model", ArtifactType.MODEL), Port.of("dataset", ArtifactType.DATASET)),
        List.of(Port.of("model", ArtifactType.MODEL), Port.of("report", ArtifactType.REPORT)));
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    ExportSettings.parse(NAME, parameters);
  }

  /** Compiles the batch top-K path in the background (see {@link BatchRecommender#warmUp}). */
  @Override
  public void prepare(Map<String, String> parameters) {
    Warmups.submit(BatchRecommender::warmUp);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    ExportSettings settings = ExportSettings.parse(NAME, context.parameters());
    Path exported = context.output("model");
    BundleCopy.copy(NAME, context.input("model"), exported);
    IngestedDataset dataset = DatasetInput.open(NAME, context, "dataset");
    writeDataProfile(dataset, exported);
    ObjectNode report = publishTables(context, settings, exported, dataset);
    StepFiles.writeJson(NAME, context.output("report").resolve(REPORT_FILE), report);
    context.metric("weights_rows", JsonFields.longValue(report, "weights_rows"));
    context.metric("recommendation_rows", JsonFields.longValue(report, "recommendation_rows"));
    context
        .log()
        .info(
            "exported "
                + JsonFields.longValue(report, "weights_rows")
                + " weights rows and "
                + JsonFields.longValue(report, "recommendation_rows")
                + " recommendations");
  }

  /**
   * Writes the profile of the run's data into the exported bundle, so a later run's gate can
   * compare its data with this model's once it is champion.
   */
  private static void writeDataProfile(IngestedDataset dataset, Path bundleDir)
      throws ComponentException {
    try {
      StepFiles.writeJson(
          NAME, bundleDir.resolve(DataProfile.FILE), DataProfile.of(dataset).toJson());
    } catch (IOException e) {
      throw new ComponentException(
          NAME + ": cannot profile the dataset in " + dataset.directory() + ": " + e.getMessage(),
          e);
    }
  }

  /** Re-creates {@code weights} and {@code recommendations} from the exported bundle. */
  @Override
  public void publish(StepContext context) throws ComponentException {
    publishTables(
        context,
        ExportSettings.parse(NAME, context.parameters()),
        context.output("model"),
        DatasetInput.open(NAME, context, "dataset"));
  }

  /**
   * Publishes both tables; {@code dataset} is the run's dataset, opened once per step so the train
   * split the profile read is not parsed again for the rated items.
   */
  private static ObjectNode publishTables(
      StepContext context, ExportSettings settings, Path bundleDir, IngestedDataset dataset)
      throws ComponentException {
    ModelBundle bundle = StepFiles.bundle(NAME, bundleDir);
    MfModel model = bundle.model();
    ModelWeights weights =
        ModelWeights.of(model, bundle.manifest().userColumn(), bundle.manifest().itemColumn());
    List<List<Object>> weightRows = WeightsTable.rows(weights);
    StepFiles.replaceTable(
        NAME, context.warehouse(), WeightsTable.NAME, WeightsTable.COLUMNS, weightRows);
    RatedItems rated = settings.excludeRated() ? ratedItems(bundle, dataset) : RatedItems.none();
    int threads = Runtime.getRuntime().availableProcessors();
    BatchRecommender.Table table =
        new BatchRecommender(model, rated, threads)
            .recommendAll(settings.topN(), settings.excludeRated());
    MovieTitles titles = MovieTitles.read(NAME, dataset.directory());
    long recommendations =
        publishRecommendations(
            context, model, table, titles, bundle.manifest().predictionRange(), threads);
    return Json.object()
        .put("users", model.users().size())
        .put("items", model.items().size())
        .put("num_factors", model.numFactors())
        .put("weights_rows", weightRows.size())
        .put("recommendation_rows", recommendations)
        .put("top_n", settings.topN())
        .put("exclude_rated", settings.excludeRated())
        .put("movies_in_catalog", titles.size());
  }

  /**
   * The items each user rated in the train split: the copy the train step stored in the bundle when
   * it covers exactly the split's rows (train builds it from this split, so reading the split again
   * would only repeat that work), else built from the split.
   */
  private static RatedItems ratedItems(ModelBundle bundle, IngestedDataset dataset)
      throws ComponentException {
    MfModel model = bundle.model();
    Optional<RatedItems> stored = bundle.ratedItems();
    if (stored.isPresent()
        && dataset.hasRecordedSchema()
        && stored.get().pairCount() == dataset.schema().trainRows()
        && stored.get().userCount() <= model.users().size()) {
      return stored.get();
    }
    return RatedItems.of(DatasetInput.required(NAME, dataset, DatasetLayout.TRAIN), model);
  }

  /**
   * Replaces the {@code recommendations} table through a TSV file the warehouse loads with its own
   * reader (millions of rows a second, where per-row appends manage a few hundred thousand); the
   * file lives in the cache directory only while it loads. Returns the row count.
   */
  private static long publishRecommendations(
      StepContext context,
      MfModel model,
      BatchRecommender.Table table,
      MovieTitles titles,
      Optional<RatingRange> range,
      int threads)
      throws ComponentException {
    Path tsv = null;
    try {
      Files.createDirectories(context.cacheDirectory());
      tsv = Files.createTempFile(context.cacheDirectory(), "export-recommendations-", ".tsv");
      long rows = RecommendationsTable.writeTsv(tsv, model, table, titles, range, threads);
      if (rows == 0) {
        StepFiles.replaceTable(
            NAME,
            context.warehouse(),
            RecommendationsTable.NAME,
            RecommendationsTable.COLUMNS,
            List.of());
      } else {
        StepFiles.replaceTableFromTsv(
            NAME,
            context.warehouse(),
            RecommendationsTable.NAME,
            RecommendationsTable.COLUMNS,
            tsv);
      }
      return rows;
    } catch (IOException e) {
      throw new ComponentException(
          NAME
              + ": cannot write the recommendations to "
              + (tsv == null ? context.cacheDirectory() : tsv)
              + ": "
              + e.getMessage(),
          e);
    } finally {
      if (tsv != null) {
        try {
          Files.deleteIfExists(tsv);
        } catch (IOException e) {
          context.log().info("could not delete " + tsv + ": " + e.getMessage());
        }
      }
    }
  }
}
