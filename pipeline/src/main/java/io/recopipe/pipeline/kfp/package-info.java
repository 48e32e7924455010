/**
 * Compiles a pipeline definition to a KFP v2 {@code PipelineSpec} for Vertex AI Pipelines ({@link
 * io.recopipe.pipeline.kfp.KfpCompiler}), checks a spec's structure ({@link
 * io.recopipe.pipeline.kfp.SpecValidator}) and runs one step inside the pipeline's container
 * ({@link io.recopipe.pipeline.kfp.ContainerRun}), so the definition the local runner executes is
 * the one Vertex executes.
 */
package io.recopipe.pipeline.kfp;
