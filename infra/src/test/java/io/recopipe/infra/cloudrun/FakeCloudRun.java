package io.recopipe.infra.cloudrun;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.ListRevisionsRequest;
import com.google.cloud.run.v2.ListRevisionsResponse;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionProto;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceProto;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-process Cloud Run Admin v2: the {@code google.cloud.run.v2.Services} server ({@link
 * #bindService}) and the {@code google.cloud.run.v2.Revisions} server beside it ({@link
 * #revisions}), one state for both. It keeps services in memory, fills the output-only fields the
 * real one does (uri, latest revisions, traffic statuses), keeps a revision for each template it
 * was given (ready, or failed for {@link #failingRevision}), answers with operations that are
 * already done, and records every request for the tests to inspect. (The generated gRPC stubs live
 * in grpc-google-cloud-run-v2, which is not on the classpath, so the services are bound from method
 * descriptors over the real protos.) Every request is checked against the published proto ({@link
 * ProtoContract}) into {@link #violations}.
 */
public final class FakeCloudRun implements BindableService, AutoCloseable {
  private static final String SERVICE = "google.cloud.run.v2.Services";
  private static final String REVISIONS = "google.cloud.run.v2.Revisions";
  private Server server;
  private CloudRunClients clients;

  /**
   * The real clients connected to this fake on a loopback gRPC server (plaintext, no credentials);
   * {@link #close} closes both.
   */
  public CloudRunClients clients() throws IOException {
    if (clients == null) {
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .addService(this)
              .addService(revisions())
              .build()
              .start();
      clients =
          CloudRunClients.create(
              NoCredentialsProvider.create(), Optional.of("127.0.0.1:" + server.getPort()), true);
    }
    return clients;
  }

  @Override
  public void close() throws InterruptedException {
    clients.close();
    server.shutdownNow().awaitTermination();
  }

  final Map<String, Service> services = new HashMap<>();

  /** Every revision by full name, oldest first. */
  final Map<String, Revision> revisionsByName = new LinkedHashMap<>();

  final List<Message> requests = new ArrayList<>();

  /** Each call as {@code Method}, updates as {@code UpdateService REVISION [traffic]}. */
  final List<String> calls = new ArrayList<>();

  /** Methods answered with an error status instead. */
  public final Map<String, Status> failures = new HashMap<>();

  /**
   * A revision whose container never starts: its create or update operation ends with an error and
   * the latest ready revision stays the old one, as Cloud Run reports it.
   */
  String failingRevision = "";

  Policy policy = Policy.getDefaultInstance();

  /** The published proto of {@code Services}, which every request is checked against. */
  static final ProtoContract CONTRACT = new ProtoContract(ServiceProto.getDescriptor(), "Services");

  /** The published proto of {@code Revisions}, likewise. */
  static final ProtoContract REVISIONS_CONTRACT =
      new ProtoContract(RevisionProto.getDescriptor(), "Revisions");

  /** The published proto declaring {@code method} (as {@link #calls} names it). */
  static ProtoContract contract(String method) {
    return method.equals("ListRevisions") ? REVISIONS_CONTRACT : CONTRACT;
  }

  /** Ways requests departed from the published proto (a test asserts there are none). */
  public final List<String> violations = new ArrayList<>();

  private <Q extends Message, R> ServerCalls.UnaryMethod<Q, R> checked(
      String method, ServerCalls.UnaryMethod<Q, R> handler) {
    return (request, observer) -> {
      violations.addAll(contract(method).problems(method, request));
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

  void listRevisions(ListRevisionsRequest request, StreamObserver<ListRevisionsResponse> observer) {
    requests.add(request);
    calls.add("ListRevisions");
    if (failed("ListRevisions", observer)) {
      return;
    }
    List<Revision> newestFirst = new ArrayList<>();
    revisionsByName.values().stream()
        .filter(r -> r.getService().equals(request.getParent()))
        .forEach(r -> newestFirst.add(0, r));
    observer.onNext(ListRevisionsResponse.newBuilder().addAllRevisions(newestFirst).build());
    observer.onCompleted();
  }

  /** The {@code google.cloud.run.v2.Revisions} server of this fake, for a test's own server. */
  public BindableService revisions() {
    return () ->
        ServerServiceDefinition.builder(REVISIONS)
            .addMethod(
                method(
                    REVISIONS,
                    "ListRevisions",
                    ListRevisionsRequest.getDefaultInstance(),
                    ListRevisionsResponse.getDefaultInstance()),
                ServerCalls.asyncUnaryCall(checked("ListRevisions", this::listRevisions)))
            .build();
  }

  @Override
  public ServerServiceDefinition bindService() {
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(
            method(
                SERVICE,
                "GetService",
                GetServiceRequest.getDefaultInstance(),
                Service.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("GetService", this::getService)))
        .addMethod(
            method(
                SERVICE,
                "CreateService",
                CreateServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("CreateService", this::createService)))
        .addMethod(
            method(
                SERVICE,
                "UpdateService",
                UpdateServiceRequest.getDefaultInstance(),
                Operation.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("UpdateService", this::updateService)))
        .addMethod(
            method(
                SERVICE,
                "GetIamPolicy",
                GetIamPolicyRequest.getDefaultInstance(),
                Policy.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("GetIamPolicy", this::getIamPolicy)))
        .addMethod(
            method(
                SERVICE,
                "SetIamPolicy",
                SetIamPolicyRequest.getDefaultInstance(),
                Policy.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(checked("SetIamPolicy", this::setIamPolicy)))
        .build();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(
      String service, String name, Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(service, name))
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
    revisionsByName.computeIfAbsent(revision, name -> revision(name, service));
    return service;
  }

  /** The revision {@code name} a template of {@code service} creates, as Cloud Run reports it. */
  private Revision revision(String name, Service service) {
    boolean fails = service.getTemplate().getRevision().equals(failingRevision);
    return Revision.newBuilder()
        .setName(name)
        .setService(service.getName())
        .putAllLabels(service.getTemplate().getLabelsMap())
        .setServiceAccount(service.getTemplate().getServiceAccount())
        .addAllContainers(service.getTemplate().getContainersList())
        .setReconciling(false)
        .addConditions(
            Condition.newBuilder()
                .setType("Ready")
                .setState(
                    fails ? Condition.State.CONDITION_FAILED : Condition.State.CONDITION_SUCCEEDED)
                .setMessage(fails ? "The user-provided container failed to start." : ""))
        .build();
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
