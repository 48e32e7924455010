package io.recopipe.infra.cloudrun;

import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traffic splits pinned to named revisions (never "latest", so a later deploy cannot move traffic
 * by accident) and the reading of which revision serves now.
 */
final class Traffic {
  /** The traffic tag giving a canary its own URL. */
  static final String CANARY_TAG = "canary";

  private Traffic() {}

  /** All traffic to {@code revision}. */
  static List<TrafficTarget> all(String revision) {
    return List.of(target(revision, 100, ""));
  }

  /** {@code percent} to the tagged canary {@code fresh}, the rest to {@code current}. */
  static List<TrafficTarget> canary(String fresh, int percent, String current) {
    return List.of(target(fresh, percent, CANARY_TAG), target(current, 100 - percent, ""));
  }

  /** The revision with the largest share now ("" for a service with no ready revision). */
  static String serving(Service service) {
    String best = "";
    int bestPercent = -1;
    for (TrafficTargetStatus status : service.getTrafficStatusesList()) {
      String revision =
          status.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST
              ? service.getLatestReadyRevision()
              : status.getRevision();
      if (status.getPercent() > bestPercent && !revision.isEmpty()) {
        best = RevisionNames.shortName(revision);
        bestPercent = status.getPercent();
      }
    }
    return best.isEmpty() ? RevisionNames.shortName(service.getLatestReadyRevision()) : best;
  }

  /** The canary's own URL from the service's traffic statuses, or "". */
  static String canaryUri(Service service) {
    return service.getTrafficStatusesList().stream()
        .filter(s -> s.getTag().equals(CANARY_TAG))
        .map(TrafficTargetStatus::getUri)
        .findFirst()
        .orElse("");
  }

  /** The split as {@code [{revision, percent}]}, for endpoint.json. */
  static List<Object> describe(List<TrafficTarget> traffic) {
    List<Object> out = new ArrayList<>();
    for (TrafficTarget t : traffic) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("revision", t.getRevision());
      entry.put("percent", t.getPercent());
      out.add(entry);
    }
    return out;
  }

  private static TrafficTarget target(String revision, int percent, String tag) {
    return TrafficTarget.newBuilder()
        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
        .setRevision(revision)
        .setPercent(percent)
        .setTag(tag)
        .build();
  }
}
