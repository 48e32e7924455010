/**
 * Runs a compiled KFP {@code PipelineSpec} on this machine the way KFP's driver and launcher do:
 * tasks in DAG order, typed parameters, placeholders, trigger conditions, caching and retries, each
 * executor a child process, so what Vertex AI receives is proven to run end to end.
 */
package io.recopipe.pipeline.launch;
