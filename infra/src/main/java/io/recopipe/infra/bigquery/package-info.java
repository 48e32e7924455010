/**
 * BigQuery for the {@code gcp} profile: the warehouse on a BigQuery dataset ({@link
 * io.recopipe.infra.bigquery.BigQueryWarehouse}) and the {@code bigquery_ml} training engine
 * ({@link io.recopipe.infra.bigquery.BqmlTrainingEngine}), which turns a BigQuery ML
 * matrix-factorization model into the same bundle the local trainer writes.
 */
package io.recopipe.infra.bigquery;
