package io.recopipe.infra.cloudrun;

import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.Service;
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
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process Cloud Run Admin v2 {@code google.cloud.run.v2.Services} server: keeps services
 * in memory, fills the output-only fields the real one does (uri, latest revisions, traffic
 * statuses), answers with operations that are already done, and records every request for the
 * tests to inspect. (The generated {@code ServicesGrpc} lives in grpc-google-cloud-run-v2, which
 * is not on the classpath, so the service is bound from method descriptors over the real protos.)
 */
final class FakeCloudRun implements BindableService {
  private static final String SERVICE = "google.cloud.run.v2.Services";

  final Map<String, Service> services = new HashMap<>();
  final List<Message> requests = new ArrayList<>();
  Policy policy = Policy.getDefaultInstance();

  void getService(GetServiceRequest request, StreamObserver<Service> observer) {
    requests.add(request);
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
    String name = request.getParent() + "/services/" + request.getServiceId();
    done(store(request.getService().toBuilder().setName(name).build()), observer);
  }

  void updateService(UpdateServiceRequest request, StreamObserver<Operation> observer) {
    requests.add(request);
    if (!services.containsKey(request.getService().getName())) {
      observer.onError(Status.NOT_FOUND.asRuntimeException());
      return;
    }
    done(store(request.getService()), observer);
  }

  void getIamPolicy(GetIamPolicyRequest request, StreamObserver<Policy> observer) {
    requests.add(request);
    observer.onNext(policy);
    observer.onCompleted();
  }

  void setIamPolicy(SetIamPolicyRequest request, StreamObserver<Policy> observer) {
    requests.add(request);
    policy = request.getPolicy();
    observer.onNext(policy);
    observer.onCompleted();
  }

  @Override
  public ServerServiceDefinition bindService() {
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(method("GetService", GetServiceRequest.getDefaultInstance(),
            Service.getDefaultInstance()), ServerCalls.asyncUnaryCall(this::getService))
        .addMethod(method("CreateService", CreateServiceRequest.getDefaultInstance(),
            Operation.getDefaultInstance()), ServerCalls.asyncUnaryCall(this::createService))
        .addMethod(method("UpdateService", UpdateServiceRequest.getDefaultInstance(),
            Operation.getDefaultInstance()), ServerCalls.asyncUnaryCall(this::updateService))
        .addMethod(method("GetIamPolicy", GetIamPolicyRequest.getDefaultInstance(),
            Policy.getDefaultInstance()), ServerCalls.asyncUnaryCall(this::getIamPolicy))
        .addMethod(method("SetIamPolicy", SetIamPolicyRequest.getDefaultInstance(),
            Policy.getDefaultInstance()), ServerCalls.asyncUnaryCall(this::setIamPolicy))
        .build();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(
      String name, Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response)).build();
  }

  /** The recorded requests of one type, in order. */
  <T extends Message> List<T> requests(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private Service store(Service spec) {
    String id = spec.getName().substring(spec.getName().lastIndexOf('/') + 1);
    String revision = spec.getName() + "/revisions/" + spec.getTemplate().getRevision();
    Service.Builder stored = spec.toBuilder().setUri("https://" + id + "-abc123-ew.a.run.app")
        .setLatestCreatedRevision(revision).setLatestReadyRevision(revision)
        .clearTrafficStatuses();
    for (TrafficTarget t : spec.getTrafficList()) {
      stored.addTrafficStatuses(TrafficTargetStatus.newBuilder().setType(t.getType())
          .setRevision(t.getRevision()).setPercent(t.getPercent()).setTag(t.getTag())
          .setUri(t.getTag().isEmpty() ? "" : "https://" + t.getTag() + "---" + id
              + "-abc123-ew.a.run.app"));
    }
    Service service = stored.build();
    services.put(service.getName(), service);
    return service;
  }

  private static void done(Service service, StreamObserver<Operation> observer) {
    observer.onNext(Operation.newBuilder().setName("operations/" + System.nanoTime())
        .setDone(true).setMetadata(Any.pack(service)).setResponse(Any.pack(service)).build());
    observer.onCompleted();
  }
}
