/**
 * The pipeline definition in Java: {@link io.recopipe.pipeline.dsl.Pipeline#builder} wires named
 * steps by data flow ({@link io.recopipe.pipeline.dsl.OutputRef#from}), with optional conditions
 * ({@link io.recopipe.pipeline.dsl.Condition#whenBlessed}), retry policies and per-step caching.
 * Definitions are validated as a whole (every problem reported at once) and ordered
 * deterministically; they hold no local paths or runner state, so the same object can be compiled
 * to a KFP v2 spec.
 */
package io.recopipe.pipeline.dsl;
