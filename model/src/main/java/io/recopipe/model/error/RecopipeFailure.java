package io.recopipe.model.error;

/**
 * The root of every exception recopipe throws on purpose: each one names its {@link FailureKind} on
 * its type, so the CLI picks the exit code by type and anything outside this tree (a plain {@code
 * IllegalStateException}, a {@code NullPointerException}) is reported as a bug.
 *
 * <p>An interface rather than a class because Java allows one superclass and the branches must keep
 * theirs: bad input stays an {@link IllegalArgumentException} ({@link InvalidInputException}), a
 * failed operation an {@link IllegalStateException} ({@link OperationFailedException}), a malformed
 * file an {@code IOException} and a step failure a checked exception, so that every existing {@code
 * catch} keeps catching what it caught.
 */
public interface RecopipeFailure {
  /** What kind of failure this is, and so the exit code. */
  FailureKind failureKind();
}
