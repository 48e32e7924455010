package io.recopipe.pipeline.insight;

/**
 * One check the gate made, as its decision recorded it.
 *
 * @param name    the check (e.g. {@code r2_min})
 * @param passed  whether it passed
 * @param message what was compared
 */
public record GateCheck(String name, boolean passed, String message) {
}
