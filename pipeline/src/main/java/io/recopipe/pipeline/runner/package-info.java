/**
 * The local runner. Entry point: {@link io.recopipe.pipeline.runner.LocalRunner} ({@code run},
 * {@code resume}, {@code history}).
 *
 * <ul>
 *   <li><b>Parameters</b>: one flat map per run; step {@code S} sees keys {@code S.k} as {@code k}
 *       plus dotless global keys ({@link io.recopipe.pipeline.config.StepParameterView}).
 *   <li><b>Caching</b>: key = SHA-256 of component name, version, input hashes by port and the
 *       step's parameters ({@link io.recopipe.pipeline.runner.CacheKey}); reused only when an
 *       earlier SUCCEEDED execution with that key still has every output and each re-hashes the
 *       same. {@code RunOptions.noCache} or {@code cache(false)} turn it off.
 *   <li><b>Failures</b>: a {@code ComponentException} fails the run with its message, never
 *       retried; other exceptions are retried per the step's policy, then fail the run with {@code
 *       step X failed: <class>: <message>}.
 *   <li><b>Gates</b>: a step whose GATE_DECISION output is not {@code "blessed": true} ends the run
 *       GATED; every step downstream of it (and any step whose condition is false) is SKIPPED.
 *   <li><b>Resume</b>: a FAILED run, or a RUNNING one whose recorded process is dead, continues
 *       from its first unfinished step; its successful executions under the same cache key whose
 *       outputs still verify are reused, staging leftovers are deleted.
 * </ul>
 */
package io.recopipe.pipeline.runner;
