package io.recopipe.infra.profile;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;

/**
 * Finds Application Default Credentials before the first Google call, so a user without them gets
 * one line saying how to log in instead of a stack trace from deep inside a client.
 */
@FunctionalInterface
public interface GoogleCredentialsCheck {
  /** Application Default Credentials (gcloud login, a key file, or the metadata server). */
  GoogleCredentialsCheck APPLICATION_DEFAULT = GoogleCredentials::getApplicationDefault;

  /** The credentials, or an IOException saying why there are none. */
  GoogleCredentials credentials() throws IOException;

  /** The credentials, or a {@link GcpProfileException} with a one-line fix. */
  default GoogleCredentials require() {
    try {
      return credentials();
    } catch (IOException e) {
      throw new GcpProfileException(
          "the gcp profile found no Google credentials ("
              + e.getMessage().lines().findFirst().orElse("none")
              + "); run `gcloud auth "
              + "application-default login` or set GOOGLE_APPLICATION_CREDENTIALS to a key file");
    }
  }
}
