package io.recopipe.pipeline.insight;

/**
 * One check the gate made, as a row of the review page: skipped checks count as passed and the
 * message is what the decision recorded, so older decisions read the same as new ones (the gate
 * itself writes {@link io.recopipe.components.gate.GateCheck}).
 *
 * @param name the check (e.g. {@code r2_min})
 * @param passed whether it passed
 * @param message what was compared
 */
public record GateCheckRow(String name, boolean passed, String message) {}
