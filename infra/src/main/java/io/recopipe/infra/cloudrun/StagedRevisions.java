package io.recopipe.infra.cloudrun;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Revision;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks, among a service's revisions, the ones a deploy staged for a model version: named {@code
 * SERVICE-m-VERSION-N} and running the expected image, whether or not another deploy has made a
 * newer revision the service's latest since. So a job's release serves its own revision when jobs
 * overlap, and a revision is judged ready as Cloud Run reports it on the revision itself: not
 * reconciling, and its {@code Ready} condition succeeded
 * (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services.revisions,
 * https://cloud.google.com/run/docs/reference/rest/v2/Condition#state).
 */
final class StagedRevisions {
  /** The condition type Cloud Run reports a revision's readiness in. */
  static final String READY = "Ready";

  private StagedRevisions() {}

  /**
   * The revisions of {@code revisions} named for {@code modelVersion} that run {@code image}, the
   * ready ones first, each group highest {@code N} (newest) first; empty when none was staged.
   */
  static List<Revision> of(
      List<Revision> revisions, String serviceId, String modelVersion, String image) {
    Pattern named =
        Pattern.compile(
            Pattern.quote(RevisionNames.prefix(serviceId, modelVersion)) + "(\\d{1,9})");
    return revisions.stream()
        .filter(r -> named.matcher(shortName(r)).matches())
        .filter(r -> r.getContainersCount() > 0 && r.getContainers(0).getImage().equals(image))
        .sorted(
            Comparator.comparing((Revision r) -> !ready(r)).thenComparing(r -> -number(named, r)))
        .toList();
  }

  /** Whether Cloud Run reports {@code revision} ready to serve. */
  static boolean ready(Revision revision) {
    return !revision.getReconciling()
        && revision.getConditionsList().stream()
            .anyMatch(
                c ->
                    c.getType().equals(READY)
                        && c.getState() == Condition.State.CONDITION_SUCCEEDED);
  }

  /** Why {@code revision} is not ready, as its {@code Ready} condition says it. */
  static String notReady(Revision revision) {
    if (revision.getReconciling()) {
      return "still reconciling";
    }
    return revision.getConditionsList().stream()
        .filter(c -> c.getType().equals(READY))
        .map(c -> c.getState() + (c.getMessage().isEmpty() ? "" : ": " + c.getMessage()))
        .findFirst()
        .orElse("no Ready condition");
  }

  /** The short name of {@code revision}. */
  static String shortName(Revision revision) {
    return RevisionNames.shortName(revision.getName());
  }

  private static long number(Pattern named, Revision revision) {
    Matcher m = named.matcher(shortName(revision));
    return m.matches() ? Long.parseLong(m.group(1)) : 0;
  }
}
