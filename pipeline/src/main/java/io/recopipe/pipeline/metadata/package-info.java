/**
 * The metadata store on SQLite ({@code HOME/metadata.db}, WAL, busy timeout, every write in {@code
 * BEGIN IMMEDIATE}): runs, executions with their cache keys, artifacts with hashes, lineage
 * (execution → input and output artifacts by port), metrics, and each execution's log as a REPORT
 * artifact on port {@code log}. The schema is versioned in {@code schema_version}.
 */
package io.recopipe.pipeline.metadata;
