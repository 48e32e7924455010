package io.recopipe.components.validation;

/**
 * One field of the served response contract that differs between champion and candidate, so a
 * reviewer sees exactly what clients would notice.
 *
 * @param field the contract field, e.g. {@code score_field}
 * @param champion the champion's value
 * @param candidate the candidate's value
 */
public record ContractChange(String field, String champion, String candidate) {
  /** The sentence review_required carries. */
  public String reason() {
    return "response contract changed: "
        + (field.equals(ResponseContract.SCORE_FIELD) ? "" : field + " ")
        + champion
        + " → "
        + candidate;
  }
}
