package io.recopipe.infra.cloudrun;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceProto;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.recopipe.infra.contract.ProtoContract;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process Cloud Run Admin v2 {@code google.cloud.run.v2.Services} server: keeps services in
 * memory, fills the output-only fields the real one does (uri, latest revisions, traffic statuses),
 * answers with operations that are already done, and records every request for the tests to
 * inspect. (The generated {@code ServicesGrpc} lives in grpc-google-cloud-run-v2, which is not on
 * the classpath, so the service is bound from method descriptors over the real protos.) Every
 * request is checked against the published proto ({@link ProtoContract}) into {@link #violations}.
 */
public final class FakeCloudRun implements BindableService, AutoCloseable {
  private static final String SERVICE = "google.cloud.run.v2.Services";
  private Server server;
  private ServicesClient client;

  /**
   * The real client connected to this fake on a loopback gRPC server (plaintext, no credentials);
   * {@link #close} closes both.
   */
  ServicesClient client() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(this)
            .build()
            .start();
    String endpoint = "127.0.0.1:" + server.getPort();
    client =
        ServicesClient.create(
            ServicesSettings.newBuilder()
                .setEndpoint(endpoint)
                .setTransportChannelProvider(
                    InstantiatingGrpcChannelProvider.newBuilder()
                        .setEndpoint(endpoint)
                        .setChannelConfigurator(b -> b.usePlaintext())
                        .build())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    return client;
  }

  @Override
  public void close() throws InterruptedException {
    client.close();
    server.shutdownNow().awaitTermination();
  }

  final Map<String, Service> services = new HashMap<>();
  final List<Message> requests = new ArrayList<>();

  /** Each call as {@code Method}, updates as {@code UpdateService REVISION [traffic]}. */
  final List<String> calls = new ArrayList<>();

  /** Methods answered with an error status instead. */
  final Map<String, Status> failures = new HashMap<>();

  /**
   * A revision whose container never starts: its create or update operation ends with an error and
   * the latest ready revision stays the old one, as Cloud Run reports it.
   */
  String failingRevision = "";

  Policy policy = Policy.getDefaultInstance();

  /** The published proto of {@code Services}, which every request is checked against. */
  static final ProtoContract CONTRACT = new ProtoContract(ServiceProto.getDescriptor(), "Services");

  /** Ways requests departed from the published proto (a test asserts there are none). */
  public final List<String> violations = new ArrayList<>();

  private <Q extends Message, R> ServerCalls.UnaryMethod<Q, R> checked(
      String method, ServerCalls.UnaryMethod<Q, R> handler) {
    return (request, observer) -> {
      violations.addAll(CONTRACT.problems(method, request));
      handler.invoke(request, observer);
    };
  }

  private boolean failed(String method, StreamObserver<?> observer) {
    Status status = failures.get(method);
    if (status != null) {
      observer.onError(status.asRuntimeException());
    }
    return status != null;
  }

  void getService(GetServiceRequest request, StreamObserver<Service> observer) {
    requests.add(request);
    calls.add("GetService");
    if (failed("GetService", observer)) {
      return;
    }
    Service service = services.get(request.getName());
    if (service == null) {
      observer.onError(Status.NOT_FOUND.withDescription("service not found").asRuntimeException());
      return;
    }
    observer.onNext(service);
    observer.onCompleted();
  }

  void createService(CreateServiceRequest request, StreamObserver<Operation> observer) {
    requests.add(request);
    calls.add(
        "CreateService "
            + request.getService().getTemplate().getRevision()
            + " "
            + traffic(request.getService()));
    if (failed("CreateService", observer)) {
      return;
    }
    String name = request.getParent() + "/services/" + request.getServiceId();
    done(store(request.getService().toBuilder().setName(name).build()), observer);
  }

  void updateService(UpdateServiceRequest request, StreamObserver<Operation> observer) {
    requests.add(request);
    calls.add(
        "UpdateService "
            + request.getService().getTemplate().getRevision()
            + " "
            + traffic(request.getService()));
    if (failed("UpdateService", observer)) {
      return;
    }
    if (!services.containsKey(request.getService().getName())) {
      observer.onError(Status.NOT_FOUND.asRuntimeException());
      return;
    }
    done(store(request.getService()), observer);
  }

  void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> observer) {
    requests.add(request);
    calls.add("GetIamPolicy");
    if (failed("GetIamPolicy", observer)) {
      return;
    }
    observer.onNext(policy);
    observer.onCompleted();
  }

  void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> observer) {
    requests.add(request);
    calls.add("SetIamPolicy");
    policy = request.getPolicy();
    observer.onNext(policy);
    observer.onCompleted();
  }

  @Override
  public ServerServiceDefinition bindService() {
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(
            method(
                "GetService", GetServiceRequest.getDefaultInstance(), Service.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("GetService", this::getService)))
        .addMethod(
            method(
                "CreateService",
                CreateServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("CreateService", this::createService)))
        .addMethod(
            method(
                "UpdateService",
                UpdateServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("UpdateService", this::updateService)))
        .addMethod(
            method(
                "GetIamPolicy",
                GetIamPolicyRequest.getDefaultInstance(),
                Policy.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("GetIamPolicy", this::getIamPolicy)))
        .addMethod(
            method(
                "SetIamPolicy",
                SetIamPolicyRequest.getDefaultInstance(),
                Policy.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("SetIamPolicy", this::setIamPolicy)))
        .build();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(
      String name, Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }

  /** The recorded requests of one type, in order. */
  public <T extends Message> List<T> requests(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The traffic of {@code service} as {@code [revision=percent#tag, ...]}. */
  static String traffic(Service service) {
    List<String> split = new ArrayList<>();
    for (TrafficTarget t : service.getTrafficList()) {
      split.add(
          t.getRevision() + "=" + t.getPercent() + (t.getTag().isEmpty() ? "" : "#" + t.getTag()));
    }
    return split.toString();
  }

  private Service store(Service spec) {
    String id = spec.getName().substring(spec.getName().lastIndexOf('/') + 1);
    String revision = spec.getName() + "/revisions/" + spec.getTemplate().getRevision();
    Service before = services.get(spec.getName());
    String ready =
        !spec.getTemplate().getRevision().equals(failingRevision)
            ? revision
            : before == null ? "" : before.getLatestReadyRevision();
    Service.Builder stored =
        spec.toBuilder()
            .setUri("https://" + id + "-abc123-ew.a.run.app")
            .setLatestCreatedRevision(revision)
            .setLatestReadyRevision(ready)
            .clearTrafficStatuses();
    for (TrafficTarget t : spec.getTrafficList()) {
      stored.addTrafficStatuses(
          TrafficTargetStatus.newBuilder()
              .setType(t.getType())
              .setRevision(t.getRevision())
              .setPercent(t.getPercent())
              .setTag(t.getTag())
              .setUri(
                  t.getTag().isEmpty()
                      ? ""
                      : "https://" + t.getTag() + "---" + id + "-abc123-ew.a.run.app"));
    }
    Service service = stored.build();
    services.put(service.getName(), service);
    return service;
  }

  private void done(Service service, StreamObserver<Operation> observer) {
    Operation.Builder operation =
        Operation.newBuilder()
            .setName("operations/" + System.nanoTime())
            .setDone(true)
            .setMetadata(Any.pack(service));
    if (service.getTemplate().getRevision().equals(failingRevision)) {
      // what Cloud Run's operation reports when the revision's container does not start
      operation.setError(
          com.google.rpc.Status.newBuilder()
              .setCode(Status.Code.FAILED_PRECONDITION.value())
              .setMessage(
                  "Revision '"
                      + failingRevision
                      + "' is not ready and cannot serve traffic. The user-provided "
                      + "container failed to start and listen on the port defined provided by the "
                      + "PORT=8080 environment variable."));
    } else {
      operation.setResponse(Any.pack(service));
    }
    observer.onNext(operation.build());
    observer.onCompleted();
  }
}
