/**
 * The pipeline's JSON on Jackson: {@link io.recopipe.pipeline.json.Json} holds the configurations
 * (a strict reader, the compact writer of printed lines) and
 * {@link io.recopipe.pipeline.json.JsonFields} the typed reads that name the field at fault.
 */
package io.recopipe.pipeline.json;
