package io.recopipe.pipeline.cli;

import io.recopipe.components.api.Services;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEndpoints;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.runner.RunProfiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's {@link RunProfiles}: a run recorded with {@code gcp.enabled=true} gets the gcp profile
 * (built from its own recorded {@code gcp.*} parameters: its versions in the Vertex AI Model
 * Registry, its approvals and audit entries in BigQuery, {@link GcpRecords}), every other run the
 * embedded one, so {@code models approve --profile gcp} or the review page deploy a gcp run to
 * Cloud Run.
 */
final class CliProfiles implements RunProfiles {
  /** The parameter {@code --profile gcp} records on a run. */
  static final String GCP_ENABLED = "gcp.enabled";

  private final RecopipeHome home;
  private final Profile local;
  private final Map<List<Object>, Profile> opened = new HashMap<>();
  private final List<GcpProfile> toClose = new ArrayList<>();

  CliProfiles(RecopipeHome home) {
    this.home = home;
    this.local = new Profile(() -> HomeOption.openWarehouse(home), Services.none());
  }

  static boolean isGcp(Map<String, String> parameters) {
    return "true".equals(parameters.get(GCP_ENABLED));
  }

  @Override
  public synchronized Profile forRun(Map<String, String> parameters) {
    if (!isGcp(parameters)) {
      return local;
    }
    String source = "the run's recorded parameters";
    GcpConfig config = GcpConfig.from(parameters, source);
    GcpEndpoints endpoints = GcpEndpoints.from(parameters, source);
    return opened.computeIfAbsent(
        List.of(config, endpoints),
        key -> {
          GcpProfile open = GcpProfile.open(config, endpoints, ProfileOption.credentials);
          toClose.add(open);
          GcpRecords records = GcpRecords.of(open, home);
          return new Profile(
              open.warehouses(),
              open.services(),
              Optional.of(records.registry()),
              Optional.of(records.approvals()),
              Optional.of(records.audit()),
              Optional.of(records.champions()));
        });
  }

  @Override
  public synchronized void close() {
    toClose.forEach(GcpProfile::close);
    toClose.clear();
    opened.clear();
  }
}
