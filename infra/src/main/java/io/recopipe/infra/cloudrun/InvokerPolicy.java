package io.recopipe.infra.cloudrun;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import io.recopipe.model.error.InvalidInputException;
import java.util.List;
import java.util.Set;

/**
 * Checks who may invoke the service: the configured principals, never {@code allUsers} or {@code
 * allAuthenticatedUsers}, so a model is never deployed to a public endpoint or one its configured
 * callers cannot reach. It only reads the policy: Terraform alone writes the {@code
 * roles/run.invoker} bindings.
 */
final class InvokerPolicy {
  /** The Cloud Run invoker role. */
  static final String ROLE = "roles/run.invoker";

  private static final Set<String> PUBLIC = Set.of("allusers", "allauthenticatedusers");

  private InvokerPolicy() {}

  /** Refuses public principals and anything not {@code user:}, {@code serviceAccount:}, …. */
  static List<String> check(List<String> invokers) {
    for (String member : invokers) {
      if (PUBLIC.contains(member.toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidInputException(
            "gcp.invokers: '"
                + member
                + "' is refused: the "
                + "Cloud Run service is never public (grant specific principals instead)");
      }
      if (!member.matches("(user|serviceAccount|group|domain|principal|principalSet):.+")) {
        throw new InvalidInputException(
            "gcp.invokers: '"
                + member
                + "' must be user:, "
                + "serviceAccount:, group: or domain:");
      }
    }
    return List.copyOf(invokers);
  }

  /**
   * Why {@code policy} must not serve a model, or null when it may: a public principal holding
   * {@value #ROLE}, or a configured invoker without it. Terraform owns the bindings; deploy only
   * reads them, since the pipeline's {@code roles/run.developer} "can get but not set IAM policies"
   * (https://cloud.google.com/run/docs/securing/managing-access).
   */
  static String problem(Policy policy, List<String> invokers) {
    Set<String> granted = new java.util.LinkedHashSet<>();
    for (Binding binding : policy.getBindingsList()) {
      if (binding.getRole().equals(ROLE)) {
        granted.addAll(binding.getMembersList());
      }
    }
    List<String> open =
        granted.stream()
            .filter(m -> PUBLIC.contains(m.toLowerCase(java.util.Locale.ROOT)))
            .toList();
    if (!open.isEmpty()) {
      return "its IAM policy grants "
          + ROLE
          + " to "
          + String.join(", ", open)
          + ", so the endpoint is public; remove that binding (recopipe never serves a model "
          + "publicly)";
    }
    List<String> missing = invokers.stream().filter(m -> !granted.contains(m)).toList();
    if (!missing.isEmpty()) {
      return "gcp.invokers lists "
          + String.join(", ", missing)
          + ", but its IAM policy does "
          + "not grant them "
          + ROLE
          + "; run terraform apply with the same invokers (Terraform "
          + "owns the invoker bindings)";
    }
    return null;
  }
}
