package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.CsvOptions;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.Identifiers;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.StagedTables;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.config.GcpConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code gcp} profile's {@link Warehouse}: tables in the configured BigQuery dataset, so the
 * same steps publish ratings, splits and results where BigQuery ML and users' SQL can read them.
 *
 * <p>Every replace is one job with {@code WRITE_TRUNCATE} on the target table. BigQuery applies a
 * job's write disposition atomically when the job succeeds (a failed job leaves the old table and
 * schema untouched), so no staging table and copy are needed, unlike DuckDB. Files and rows are
 * uploaded through the client's resumable load channel: TSV files as CSV with a tab delimiter and
 * no quoting (what ingest writes), in-memory rows as newline-delimited JSON (which carries list
 * columns). Unqualified table names in SQL resolve against the dataset. A run's staged tables are
 * {@code staging__KEY__TABLE} in the same dataset, published together in one transaction when the
 * run commits.
 */
public final class BigQueryWarehouse implements Warehouse {
  /** How long one job may run before the call gives up. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  private final BigQueryJobs jobs;
  private final PublishRetry retry;

  /** Creates the warehouse over {@code bigQuery} in {@code config}'s project and dataset. */
  public BigQueryWarehouse(BigQuery bigQuery, GcpConfig config) {
    this(bigQuery, config, DEFAULT_TIMEOUT);
  }

  /** Creates the warehouse; each job is waited on for at most {@code timeout}. */
  public BigQueryWarehouse(BigQuery bigQuery, GcpConfig config, Duration timeout) {
    this(bigQuery, config, timeout, PublishRetry.DEFAULT);
  }

  /** As above, a publish that lost to a concurrent one retried as {@code retry} says. */
  BigQueryWarehouse(BigQuery bigQuery, GcpConfig config, Duration timeout, PublishRetry retry) {
    this.jobs = new BigQueryJobs(bigQuery, config, timeout);
    this.retry = retry;
  }

  @Override
  public void replaceTableFromTsv(String table, List<Column> columns, Path tsv)
      throws WarehouseException {
    loadFromTsv(Identifiers.requireIdentifier(table, "table"), columns, tsv);
  }

  @Override
  public void replaceTable(String table, List<Column> columns, Iterable<List<Object>> rows)
      throws WarehouseException {
    loadRows(Identifiers.requireIdentifier(table, "table"), columns, rows);
  }

  @Override
  public void replaceTableAs(String table, String select) throws WarehouseException {
    loadAs(Identifiers.requireIdentifier(table, "table"), select);
  }

  /** Replaces table {@code name} (already checked) with a headerless TSV file's rows. */
  void loadFromTsv(String name, List<Column> columns, Path tsv) throws WarehouseException {
    CsvOptions tabSeparated =
        CsvOptions.newBuilder()
            .setFieldDelimiter("\t")
            .setQuote("")
            .setSkipLeadingRows(0)
            .setEncoding("UTF-8")
            .build();
    String what = "table " + name + " from " + tsv;
    jobs.upload(load(name, columns, tabSeparated), out -> Files.copy(tsv, out), what);
  }

  /** Replaces table {@code name} (already checked) with {@code rows}. */
  void loadRows(String name, List<Column> columns, Iterable<List<Object>> rows)
      throws WarehouseException {
    JsonRows json = new JsonRows(name, columns);
    jobs.upload(
        load(name, columns, FormatOptions.json()), out -> json.write(rows, out), "table " + name);
  }

  /** Replaces table {@code name} (already checked) with a query's result. */
  void loadAs(String name, String select) throws WarehouseException {
    QueryJobConfiguration query =
        queryBuilder(select)
            .setDestinationTable(jobs.table(name))
            .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
            .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
            .build();
    jobs.run("query", query, "table " + name + " as " + shortSql(select));
  }

  @Override
  public QueryResult query(String sql) throws WarehouseException {
    Job job = jobs.run("query", queryBuilder(sql).build(), "query " + shortSql(sql));
    return results(job, "query " + shortSql(sql));
  }

  @Override
  public boolean hasTable(String table) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    try {
      return jobs.client().getTable(jobs.table(name)) != null;
    } catch (BigQueryException e) {
      throw new WarehouseException("table " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Warehouse staged(String key) throws WarehouseException {
    return new BigQueryStagedView(this, StagedTables.requireKey(key));
  }

  /**
   * Publishes the staged tables of {@code key} in one BigQuery multi-statement transaction, then
   * deletes them: readers see all of the run's tables or none, and two runs publishing at once each
   * publish a whole set. A table published for the first time is created empty (same schema) before
   * the transaction, since DDL on permanent tables cannot run inside one; a failing statement rolls
   * the whole transaction back (https://cloud.google.com/bigquery/docs/transactions), so a table
   * whose schema changed is refused with BigQuery's message and nothing is published. Two runs
   * publishing the same tables at once cannot both commit: "Conflicting transactions are cancelled"
   * (same page, "Transaction concurrency"), so the cancelled one, rolled back whole, is run again
   * after a pause ({@link PublishRetry}).
   */
  @Override
  public List<String> publishStaged(String key) throws WarehouseException {
    String prefix = stagedPrefix(key);
    List<String> staged = stagedTables(prefix).stream().sorted().toList();
    if (staged.isEmpty()) {
      return List.of();
    }
    List<String> published = staged.stream().map(name -> name.substring(prefix.length())).toList();
    String what = "publish tables " + published + " of " + key;
    QueryJobConfiguration script = queryBuilder(publishScript(prefix, published)).build();
    for (int attempt = 1; ; attempt++) {
      Job job = jobs.start("publish", script, what);
      Optional<BigQueryError> error = BigQueryJobs.error(job);
      if (error.isEmpty() || !PublishRetry.concurrentUpdate(error.get())) {
        BigQueryJobs.succeeded(job, job.getJobId(), what);
        break;
      }
      if (attempt == retry.attempts()) {
        throw new WarehouseException(
            what
                + ": another publish kept changing the same tables, "
                + attempt
                + " attempts (job "
                + job.getJobId().getJob()
                + "): "
                + BigQueryJobs.describe(error.get()),
            null);
      }
      retry.pause(attempt, what);
    }
    for (String name : staged) {
      delete(name);
    }
    return published;
  }

  /** The script publishing {@code tables} from their staged copies (names already checked). */
  static String publishScript(String prefix, List<String> tables) {
    StringBuilder script = new StringBuilder();
    for (String table : tables) {
      script
          .append("CREATE TABLE IF NOT EXISTS `")
          .append(table)
          .append("` LIKE `")
          .append(prefix)
          .append(table)
          .append("`;\n");
    }
    script.append("BEGIN TRANSACTION;\n");
    for (String table : tables) {
      script
          .append("TRUNCATE TABLE `")
          .append(table)
          .append("`;\n")
          .append("INSERT INTO `")
          .append(table)
          .append("` SELECT * FROM `")
          .append(prefix)
          .append(table)
          .append("`;\n");
    }
    return script.append("COMMIT TRANSACTION;").toString();
  }

  @Override
  public void dropStaged(String key) throws WarehouseException {
    for (String name : stagedTables(stagedPrefix(key))) {
      delete(name);
    }
  }

  @Override
  public List<String> stagedKeys() throws WarehouseException {
    String prefix = StagedTables.SCHEMA + StagedTables.SEPARATOR;
    TreeSet<String> keys = new TreeSet<>();
    for (String name : stagedTables(prefix)) {
      StagedTables.keyOf(name.substring(prefix.length())).ifPresent(keys::add);
    }
    return List.copyOf(keys);
  }

  /** The dataset name of run {@code key}'s staged {@code table}. */
  static String stagedName(String key, String table) {
    return StagedTables.SCHEMA + StagedTables.SEPARATOR + StagedTables.stagedName(key, table);
  }

  private static String stagedPrefix(String key) throws WarehouseException {
    return stagedName(StagedTables.requireKey(key), "");
  }

  private List<String> stagedTables(String prefix) throws WarehouseException {
    List<String> names = new ArrayList<>();
    try {
      for (Table table : jobs.client().listTables(jobs.dataset()).iterateAll()) {
        String name = table.getTableId().getTable();
        if (name.startsWith(prefix)) {
          names.add(name);
        }
      }
    } catch (BigQueryException e) {
      throw new WarehouseException(
          "list the tables of dataset " + jobs.dataset().getDataset() + ": " + e.getMessage(), e);
    }
    return names;
  }

  private void delete(String name) throws WarehouseException {
    try {
      jobs.client().delete(jobs.table(name));
    } catch (BigQueryException e) {
      throw new WarehouseException("delete staged table " + name + ": " + e.getMessage(), e);
    }
  }

  /** Nothing to release: the BigQuery client is the caller's. */
  @Override
  public void close() {}

  /** The rows of a finished query job. */
  static QueryResult results(Job job, String what) throws WarehouseException {
    try {
      TableResult result = job.getQueryResults();
      Schema schema = result.getSchema();
      if (schema == null) {
        return new QueryResult(List.of(), List.of());
      }
      FieldList fields = schema.getFields();
      List<String> columns = fields.stream().map(f -> f.getName()).toList();
      List<List<Object>> rows = new ArrayList<>();
      for (FieldValueList row : result.iterateAll()) {
        rows.add(BigQueryTypes.row(fields, row));
      }
      return new QueryResult(columns, rows);
    } catch (BigQueryException e) {
      throw new WarehouseException(
          what
              + " (job "
              + job.getJobId().getJob()
              + "): "
              + (e.getError() != null ? BigQueryJobs.describe(e.getError()) : e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(what + ": interrupted while reading results", e);
    }
  }

  QueryJobConfiguration.Builder queryBuilder(String sql) {
    return QueryJobConfiguration.newBuilder(sql)
        .setUseLegacySql(false)
        .setDefaultDataset(jobs.dataset());
  }

  BigQueryJobs jobs() {
    return jobs;
  }

  private WriteChannelConfiguration load(String name, List<Column> columns, FormatOptions format)
      throws WarehouseException {
    return WriteChannelConfiguration.newBuilder(jobs.table(name), format)
        .setSchema(BigQueryTypes.schema(columns))
        .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
        .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
        .build();
  }

  static String shortSql(String sql) {
    String flat = sql.strip().replaceAll("\\s+", " ");
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
