package io.recopipe.infra.cloudrun;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import io.recopipe.model.error.InvalidInputException;
import java.util.List;
import java.util.Set;

/**
 * The service's IAM policy with {@code roles/run.invoker} granted to exactly the configured
 * principals, never {@code allUsers} or {@code allAuthenticatedUsers}, so the model endpoint is
 * never public whatever the policy held before.
 */
final class InvokerPolicy {
  /** The Cloud Run invoker role. */
  static final String ROLE = "roles/run.invoker";
  private static final Set<String> PUBLIC = Set.of("allusers", "allauthenticatedusers");

  private InvokerPolicy() {
  }

  /** Refuses public principals and anything not {@code user:}, {@code serviceAccount:}, …. */
  static List<String> check(List<String> invokers) {
    for (String member : invokers) {
      if (PUBLIC.contains(member.toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidInputException("gcp.invokers: '" + member + "' is refused: the "
            + "Cloud Run service is never public (grant specific principals instead)");
      }
      if (!member.matches("(user|serviceAccount|group|domain|principal|principalSet):.+")) {
        throw new InvalidInputException("gcp.invokers: '" + member + "' must be user:, "
            + "serviceAccount:, group: or domain:");
      }
    }
    return List.copyOf(invokers);
  }

  /**
   * {@code current} with every invoker binding replaced by one for {@code invokers} (none when
   * the list is empty); other roles and the etag are kept so the write is conditional.
   */
  static Policy apply(Policy current, List<String> invokers) {
    Policy.Builder next = current.toBuilder().clearBindings();
    for (Binding binding : current.getBindingsList()) {
      if (!binding.getRole().equals(ROLE)) {
        next.addBindings(binding);
      }
    }
    if (!invokers.isEmpty()) {
      next.addBindings(Binding.newBuilder().setRole(ROLE).addAllMembers(invokers));
    }
    return next.build();
  }
}
