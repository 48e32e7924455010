package io.recopipe.pipeline.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit entries of a registration and of one promotion, defined once, so a registry that keeps
 * no audit log of its own (the Vertex AI Model Registry: a Vertex job's tasks, a gcp run, a
 * reviewer's approval on the gcp profile) writes to the profile's log exactly what the home's
 * registry writes in its own transactions: {@value #REGISTER} ({@code run_id}, {@code
 * model_version}, {@code bundle_sha256}); for a promotion a {@value #STATUS} entry ({@code status})
 * for each version it retired, the replaced champion first and then the others by version, and then
 * the {@value #PROMOTE} entry ({@code from}, {@code to}, {@code reason}, {@code status}).
 */
public final class PromotionEntries {
  /** The action of a version's registration. */
  public static final String REGISTER = "register";

  /** The action of a version's status change that no other entry carries. */
  public static final String STATUS = "status";

  /** The action of a champion move. */
  public static final String PROMOTE = "promote";

  /**
   * One entry before its actor and time are known.
   *
   * @param action {@value #STATUS} or {@value #PROMOTE}
   * @param subject the version, {@code pipeline/vN}
   * @param detail the entry's fields, in the order the home's registry writes them
   */
  public record Entry(String action, String subject, Map<String, String> detail) {}

  private PromotionEntries() {}

  /**
   * The entries of the promotion of {@code version} of {@code pipeline} that {@code registry} has
   * made, from {@code from} (the champion before it, empty when there was none), read from the
   * registry after the promotion ({@link ModelRegistry#retiredFor}), so a retry that finds the
   * promotion made lists the same entries.
   */
  public static List<Entry> of(
      ModelRegistry registry,
      String pipeline,
      int version,
      Optional<Integer> from,
      String reason,
      boolean served) {
    return of(registry.retiredFor(pipeline, version), pipeline, version, from, reason, served);
  }

  /**
   * The entries of the promotion of {@code version} of {@code pipeline} from {@code from} that
   * retired the versions {@code retired} (in the order of {@link ModelRegistry#retiredFor}).
   */
  public static List<Entry> of(
      List<Integer> retired,
      String pipeline,
      int version,
      Optional<Integer> from,
      String reason,
      boolean served) {
    List<Entry> entries = new ArrayList<>(retirements(retired, pipeline));
    entries.add(
        new Entry(
            PROMOTE,
            ModelRegistry.subject(pipeline, version),
            promoteDetail(from, version, reason, served)));
    return entries;
  }

  /** The {@value #REGISTER} entry of {@code v}. */
  public static Entry register(RegisteredVersion v) {
    return new Entry(REGISTER, ModelRegistry.subject(v.pipeline(), v.version()), registerDetail(v));
  }

  /** The detail of a {@value #REGISTER} entry: the run, the content version, the bundle hash. */
  public static Map<String, String> registerDetail(RegisteredVersion v) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("run_id", v.runId());
    detail.put("model_version", v.modelVersion());
    detail.put("bundle_sha256", v.bundleSha256());
    return detail;
  }

  /** The {@value #STATUS} entry of {@code version} of {@code pipeline} now in {@code status}. */
  public static Entry status(String pipeline, int version, VersionStatus status) {
    return new Entry(STATUS, ModelRegistry.subject(pipeline, version), statusDetail(status));
  }

  /**
   * The {@value #STATUS} entries of the versions that retired when {@code version} became champion
   * or began to serve, in the order of {@link ModelRegistry#retiredFor}.
   */
  public static List<Entry> retirements(ModelRegistry registry, String pipeline, int version) {
    return retirements(registry.retiredFor(pipeline, version), pipeline);
  }

  /** The {@value #STATUS} entries of the versions {@code retired}, in the order given. */
  public static List<Entry> retirements(List<Integer> retired, String pipeline) {
    return retired.stream().map(v -> status(pipeline, v, VersionStatus.RETIRED)).toList();
  }

  /** The detail of a {@value #STATUS} entry. */
  public static Map<String, String> statusDetail(VersionStatus status) {
    return Map.of("status", status.name());
  }

  /** The detail of a {@value #PROMOTE} entry: DEPLOYED when {@code served}, else PROMOTED. */
  public static Map<String, String> promoteDetail(
      Optional<Integer> from, int to, String reason, boolean served) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("from", from.map(String::valueOf).orElse(""));
    detail.put("to", String.valueOf(to));
    detail.put("reason", reason);
    detail.put("status", (served ? VersionStatus.DEPLOYED : VersionStatus.PROMOTED).name());
    return detail;
  }
}
