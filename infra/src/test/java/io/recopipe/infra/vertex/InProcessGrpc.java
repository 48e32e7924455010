package io.recopipe.infra.vertex;

import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An in-process gRPC server answering with the Vertex AI fakes and the channel the real clients
 * reach it through, so every fake's {@code client()} sets up and tears down the same way.
 */
final class InProcessGrpc implements AutoCloseable {
  private final Server server;
  private final ManagedChannel channel;

  /** Starts a server with {@code services} and opens a channel to it. */
  InProcessGrpc(ServerServiceDefinition... services) {
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
    for (ServerServiceDefinition service : services) {
      builder.addService(service);
    }
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  /** The transport a client built over this channel uses. */
  TransportChannelProvider transport() {
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
  }
}
