package io.recopipe.infra.profile;

import com.google.auth.oauth2.GoogleCredentials;
import io.recopipe.components.api.Services;
import io.recopipe.infra.config.GcpConfig;
import java.util.List;

/**
 * Installs the image registry and Cloud Run backends into a profile's {@link Services}; kept
 * apart from {@link GcpProfile} so the deploy side can change without touching the warehouse.
 */
final class CloudBackends {
  private CloudBackends() {
  }

  static Services install(Services services, GcpConfig config, GoogleCredentials credentials,
      List<AutoCloseable> closeables) {
    return services;
  }
}
