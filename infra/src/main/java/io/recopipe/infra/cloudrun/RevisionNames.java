package io.recopipe.infra.cloudrun;

import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetStatus;
import io.recopipe.model.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names Cloud Run revisions {@code SERVICE-m-MODELVERSION-N}, so the serving revision says which
 * model it runs and a redeploy of the same model still gets a fresh, valid name.
 */
final class RevisionNames {
  /** Cloud Run's limit on revision names. */
  static final int MAX_LENGTH = 63;

  private RevisionNames() {}

  /** {@code SERVICE-m-VERSION-}, the prefix every revision of this model version shares. */
  static String prefix(String serviceId, String modelVersion) {
    return serviceId + "-m-" + modelVersion.toLowerCase(java.util.Locale.ROOT) + "-";
  }

  /**
   * The next revision name for {@code modelVersion}: one past the highest {@code N} among the
   * revisions the service knows of; too long a name fails naming {@code gcp.service}.
   */
  static String next(String serviceId, String modelVersion, Service existing) {
    String prefix = prefix(serviceId, modelVersion);
    if (!modelVersion.matches("[0-9a-fA-F]{1,32}")) {
      throw new IllegalArgumentException("model version '" + modelVersion + "' is not hex");
    }
    Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,9})");
    int highest = 0;
    for (String name : known(existing)) {
      Matcher m = numbered.matcher(name);
      if (m.matches()) {
        highest = Math.max(highest, Integer.parseInt(m.group(1)));
      }
    }
    String name = prefix + (highest + 1);
    if (name.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "gcp.service '"
              + serviceId
              + "' is too long to name "
              + "revisions '"
              + name
              + "' (at most "
              + MAX_LENGTH
              + " characters; use a service name "
              + "of at most "
              + (MAX_LENGTH - name.length() + serviceId.length())
              + ")");
    }
    return name;
  }

  /** The short revision name of a full or short {@code revision} reference. */
  static String shortName(String revision) {
    return revision.substring(revision.lastIndexOf('/') + 1);
  }

  private static List<String> known(Service service) {
    List<String> names = new ArrayList<>();
    if (service == null) {
      return names;
    }
    names.add(service.getTemplate().getRevision());
    names.add(shortName(service.getLatestCreatedRevision()));
    names.add(shortName(service.getLatestReadyRevision()));
    for (TrafficTargetStatus status : service.getTrafficStatusesList()) {
      names.add(shortName(status.getRevision()));
    }
    return names;
  }
}
