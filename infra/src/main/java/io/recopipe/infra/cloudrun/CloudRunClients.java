package io.recopipe.infra.cloudrun;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.RevisionsSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import java.io.IOException;
import java.util.Optional;

/**
 * The two Cloud Run Admin v2 clients a deploy needs, made once with the same endpoint and
 * credentials: {@code Services} to create revisions and move traffic, {@code Revisions} to find the
 * revision a job staged by name when another job has staged a newer one since.
 *
 * @param services the {@code google.cloud.run.v2.Services} client
 * @param revisions the {@code google.cloud.run.v2.Revisions} client
 */
public record CloudRunClients(ServicesClient services, RevisionsClient revisions)
    implements AutoCloseable {

  /**
   * Clients on Google's endpoint, or on {@code endpoint} ({@code host:port}) when given, in
   * plaintext when {@code plaintext} (a loopback emulator).
   */
  public static CloudRunClients create(
      CredentialsProvider credentials, Optional<String> endpoint, boolean plaintext)
      throws IOException {
    ServicesSettings.Builder services =
        ServicesSettings.newBuilder().setCredentialsProvider(credentials);
    RevisionsSettings.Builder revisions =
        RevisionsSettings.newBuilder().setCredentialsProvider(credentials);
    if (endpoint.isPresent()) {
      services
          .setEndpoint(endpoint.get())
          .setTransportChannelProvider(channels(endpoint.get(), plaintext));
      revisions
          .setEndpoint(endpoint.get())
          .setTransportChannelProvider(channels(endpoint.get(), plaintext));
    }
    ServicesClient servicesClient = ServicesClient.create(services.build());
    try {
      return new CloudRunClients(servicesClient, RevisionsClient.create(revisions.build()));
    } catch (IOException | RuntimeException e) {
      servicesClient.close();
      throw e;
    }
  }

  private static InstantiatingGrpcChannelProvider channels(String endpoint, boolean plaintext) {
    InstantiatingGrpcChannelProvider.Builder channels =
        InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(endpoint);
    if (plaintext) {
      channels.setChannelConfigurator(builder -> builder.usePlaintext());
    }
    return channels.build();
  }

  @Override
  public void close() {
    try {
      services.close();
    } finally {
      revisions.close();
    }
  }
}
