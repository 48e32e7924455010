package io.recopipe.pipeline.cli;

import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.CreateScheduleRequest;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.Schedule;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.recopipe.infra.vertex.VertexPipelines;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gRPC server on loopback answering Vertex AI's CreatePipelineJob and CreateSchedule and
 * recording the requests; while open, {@link VertexPipelines#ENDPOINT_PROPERTY} points the CLI at
 * it (the real client library, plaintext, no credentials).
 */
final class LoopbackVertex implements AutoCloseable {
  final List<CreatePipelineJobRequest> jobs = new CopyOnWriteArrayList<>();
  final List<CreateScheduleRequest> schedules = new CopyOnWriteArrayList<>();
  private final Server server;

  LoopbackVertex() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(
                service(
                    "PipelineService",
                    "CreatePipelineJob",
                    CreatePipelineJobRequest.getDefaultInstance(),
                    PipelineJob.getDefaultInstance(),
                    (CreatePipelineJobRequest r) -> {
                      jobs.add(r);
                      return r.getPipelineJob().toBuilder()
                          .setName(r.getParent() + "/pipelineJobs/" + r.getPipelineJobId())
                          .build();
                    }))
            .addService(
                service(
                    "ScheduleService",
                    "CreateSchedule",
                    CreateScheduleRequest.getDefaultInstance(),
                    Schedule.getDefaultInstance(),
                    (CreateScheduleRequest r) -> {
                      schedules.add(r);
                      return r.getSchedule().toBuilder()
                          .setName(r.getParent() + "/schedules/7")
                          .build();
                    }))
            .build()
            .start();
    System.setProperty(VertexPipelines.ENDPOINT_PROPERTY, "127.0.0.1:" + server.getPort());
  }

  private static <Q extends Message, R extends Message> ServerServiceDefinition service(
      String service, String method, Q request, R response, java.util.function.Function<Q, R> f) {
    String full = "google.cloud.aiplatform.v1." + service;
    MethodDescriptor<Q, R> descriptor =
        MethodDescriptor.<Q, R>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(full, method))
            .setRequestMarshaller(ProtoUtils.marshaller(request))
            .setResponseMarshaller(ProtoUtils.marshaller(response))
            .build();
    return ServerServiceDefinition.builder(full)
        .addMethod(
            descriptor,
            ServerCalls.asyncUnaryCall(
                (Q q, io.grpc.stub.StreamObserver<R> observer) -> {
                  observer.onNext(f.apply(q));
                  observer.onCompleted();
                }))
        .build();
  }

  @Override
  public void close() {
    System.clearProperty(VertexPipelines.ENDPOINT_PROPERTY);
    server.shutdownNow();
  }
}
