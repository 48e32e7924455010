/**
 * Vertex AI Pipelines: submits a compiled KFP spec as a pipeline job and creates cron schedules for
 * it ({@link io.recopipe.infra.vertex.VertexPipelines}), over the google-cloud-aiplatform v1
 * clients.
 */
package io.recopipe.infra.vertex;
