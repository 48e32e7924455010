package io.recopipe.model.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class FailureKindTest {

  @Test
  void eachKindHasItsDocumentedExitCode() {
    assertEquals(1, FailureKind.FAILED.exitCode());
    assertEquals(2, FailureKind.BAD_INPUT.exitCode());
    assertEquals(8, FailureKind.REFUSED.exitCode());
    assertEquals(70, FailureKind.INTERNAL.exitCode());
  }

  @Test
  void theBranchesCarryTheirKindAndKeepTheirJdkBase() {
    InvalidInputException bad = new InvalidInputException("x: expected a number");
    assertEquals(FailureKind.BAD_INPUT, bad.failureKind());
    assertInstanceOf(IllegalArgumentException.class, bad);
    OperationFailedException failed = new OperationFailedException("store is locked");
    assertEquals(FailureKind.FAILED, failed.failureKind());
    assertInstanceOf(IllegalStateException.class, failed);
    assertEquals(
        "java.io.IOException: disk",
        new OperationFailedException(new java.io.IOException("disk")).getMessage());
  }

  @Test
  void httpStatusesMapToKinds() {
    assertEquals(FailureKind.BAD_INPUT, FailureKind.ofHttpStatus(400));
    assertEquals(FailureKind.BAD_INPUT, FailureKind.ofHttpStatus(404));
    assertEquals(FailureKind.REFUSED, FailureKind.ofHttpStatus(401));
    assertEquals(FailureKind.REFUSED, FailureKind.ofHttpStatus(403));
    assertEquals(FailureKind.FAILED, FailureKind.ofHttpStatus(503));
  }
}
