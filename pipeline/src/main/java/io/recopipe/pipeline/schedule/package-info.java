/**
 * The scheduler: cron schedules with a time zone, an overlap policy and a catch-up policy, kept in
 * the metadata store with a history of every firing, and fired by {@code recopipe server} as child
 * {@code recopipe run} processes. Firing times that were missed while the scheduler was down
 * collapse into at most one run, never a burst (the kubeflow/pipelines#8344 failure).
 */
package io.recopipe.pipeline.schedule;
