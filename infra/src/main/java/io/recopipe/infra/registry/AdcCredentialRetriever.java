package io.recopipe.infra.registry;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Hands Jib an OAuth2 access token from Google credentials as the {@code oauth2accesstoken} user,
 * which is how Artifact Registry accepts Application Default Credentials without a Docker
 * credential helper.
 */
public final class AdcCredentialRetriever implements CredentialRetriever {
  /** The user name Artifact Registry expects with an access token. */
  public static final String USER = "oauth2accesstoken";

  /** The scope the token needs. */
  public static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  private final CredentialsSource source;

  /** Where the credentials come from (ADC in production, fixed ones in tests). */
  @FunctionalInterface
  public interface CredentialsSource {
    /** The credentials to take a token from. */
    GoogleCredentials get() throws IOException;
  }

  /** A retriever over {@code source}, asked only when Jib needs to authenticate. */
  public AdcCredentialRetriever(CredentialsSource source) {
    this.source = source;
  }

  /** A retriever over Application Default Credentials. */
  public static AdcCredentialRetriever applicationDefault() {
    return new AdcCredentialRetriever(
        () -> GoogleCredentials.getApplicationDefault().createScoped(List.of(SCOPE)));
  }

  @Override
  public Optional<Credential> retrieve() throws CredentialRetrievalException {
    try {
      GoogleCredentials credentials = source.get();
      credentials.refreshIfExpired();
      AccessToken token = credentials.getAccessToken();
      if (token == null) {
        throw new IOException("the credentials gave no access token");
      }
      return Optional.of(Credential.from(USER, token.getTokenValue()));
    } catch (IOException e) {
      throw new CredentialRetrievalException(
          new IOException(
              "cannot get an access token from "
                  + "Application Default Credentials (run `gcloud auth application-default login` or "
                  + "set GOOGLE_APPLICATION_CREDENTIALS): "
                  + e.getMessage(),
              e));
    }
  }
}
