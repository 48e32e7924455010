package io.recopipe.infra.vertex;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.CreateScheduleRequest;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.Schedule;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.recopipe.infra.config.DemoGcpConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process stand-in for Vertex AI's PipelineService and ScheduleService that records every
 * create request. The generated {@code *ImplBase} classes are not on the classpath
 * (google-cloud-aiplatform does not ship grpc-google-cloud-aiplatform-v1), so the services are
 * assembled from the real method names and proto marshallers, which is what those classes do.
 */
final class FakeVertex implements AutoCloseable {
  final List<CreatePipelineJobRequest> jobs = new CopyOnWriteArrayList<>();
  final List<CreateScheduleRequest> schedules = new CopyOnWriteArrayList<>();
  private InProcessGrpc grpc;
  private VertexPipelines client;

  /**
   * The real client, for the {@link DemoGcpConfig demo project}, connected in-process to this fake;
   * {@link #close} closes both.
   */
  VertexPipelines client() {
    grpc = new InProcessGrpc(pipelineService(), scheduleService());
    client =
        VertexPipelines.connect(
            DemoGcpConfig.config(), grpc.transport(), NoCredentialsProvider.create(), "in-process");
    return client;
  }

  @Override
  public void close() {
    client.close();
    grpc.close();
  }

  ServerServiceDefinition pipelineService() {
    return ServerServiceDefinition.builder("google.cloud.aiplatform.v1.PipelineService")
        .addMethod(
            unary(
                "google.cloud.aiplatform.v1.PipelineService/CreatePipelineJob",
                CreatePipelineJobRequest.getDefaultInstance(),
                PipelineJob.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(
                handler(
                    (CreatePipelineJobRequest r) -> {
                      jobs.add(r);
                      return r.getPipelineJob().toBuilder()
                          .setName(r.getParent() + "/pipelineJobs/" + r.getPipelineJobId())
                          .build();
                    })))
        .build();
  }

  ServerServiceDefinition scheduleService() {
    return ServerServiceDefinition.builder("google.cloud.aiplatform.v1.ScheduleService")
        .addMethod(
            unary(
                "google.cloud.aiplatform.v1.ScheduleService/CreateSchedule",
                CreateScheduleRequest.getDefaultInstance(),
                Schedule.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(
                handler(
                    (CreateScheduleRequest r) -> {
                      schedules.add(r);
                      return r.getSchedule().toBuilder()
                          .setName(r.getParent() + "/schedules/42")
                          .build();
                    })))
        .build();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> unary(
      String fullName, Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullName)
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }

  private static <Q, R> ServerCalls.UnaryMethod<Q, R> handler(Function<Q, R> answer) {
    return (request, observer) -> {
      observer.onNext(answer.apply(request));
      observer.onCompleted();
    };
  }
}
