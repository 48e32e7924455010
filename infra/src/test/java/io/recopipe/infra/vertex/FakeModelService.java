package io.recopipe.infra.vertex;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.aiplatform.v1.GetModelRequest;
import com.google.cloud.aiplatform.v1.ListModelVersionsRequest;
import com.google.cloud.aiplatform.v1.ListModelVersionsResponse;
import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.Model;
import com.google.cloud.aiplatform.v1.ModelServiceProto;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelOperationMetadata;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelResponse;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.recopipe.infra.config.DemoGcpConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An in-process Vertex AI {@code ModelService} keeping models and versions in memory the way the
 * service documents it (versions numbered 1, 2, …; the first version gets the {@code default}
 * alias; an alias belongs to one version of a model; {@code @version} and {@code @alias} names;
 * version labels replaced by UpdateModel) and recording every request. The method names and message
 * types come from the descriptor of {@code google/cloud/aiplatform/v1/model_service.proto} in the
 * client's proto jar (the generated {@code ModelServiceGrpc} is not on the classpath).
 */
public final class FakeModelService implements BindableService, AutoCloseable {
  private static final String PROJECT_LOCATION = "projects/[^/]+/locations/[^/]+";
  private InProcessGrpc grpc;
  private VertexModelRegistryClient client;

  /**
   * The real client, for the {@link DemoGcpConfig demo project}, connected in-process to this fake;
   * {@link #close} closes both.
   */
  public VertexModelRegistryClient client() {
    grpc = new InProcessGrpc(bindService());
    client =
        VertexModelRegistryClient.connect(
            DemoGcpConfig.config(), grpc.transport(), NoCredentialsProvider.create(), "in-process");
    return client;
  }

  @Override
  public void close() {
    client.close();
    grpc.close();
  }

  /** Every request, in order. */
  public final List<Message> requests = new CopyOnWriteArrayList<>();

  private final Map<String, List<Model>> models = new LinkedHashMap<>();
  private Predicate<Message> failing = m -> false;

  /**
   * Fails the next request that {@code which} accepts with INTERNAL, recorded but not carried out,
   * as a caller killed before the call took effect would leave the registry.
   */
  public synchronized void failNext(Predicate<Message> which) {
    failing = which;
  }

  private boolean failed(Message r, StreamObserver<?> out) {
    if (!failing.test(r)) {
      return false;
    }
    failing = m -> false;
    out.onError(Status.INTERNAL.withDescription("injected failure").asRuntimeException());
    return true;
  }

  private long clock = 1_700_000_000L;

  @Override
  public ServerServiceDefinition bindService() {
    return ServerServiceDefinition.builder("google.cloud.aiplatform.v1.ModelService")
        .addMethod(
            method("UploadModel", UploadModelRequest.getDefaultInstance(), op()),
            ServerCalls.asyncUnaryCall(this::upload))
        .addMethod(
            method("GetModel", GetModelRequest.getDefaultInstance(), Model.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(this::get))
        .addMethod(
            method(
                "ListModelVersions",
                ListModelVersionsRequest.getDefaultInstance(),
                ListModelVersionsResponse.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(this::list))
        .addMethod(
            method(
                "MergeVersionAliases",
                MergeVersionAliasesRequest.getDefaultInstance(),
                Model.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(this::merge))
        .addMethod(
            method(
                "UpdateModel", UpdateModelRequest.getDefaultInstance(), Model.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(this::update))
        .build();
  }

  /** The requests of one type, in order. */
  public <T extends Message> List<T> requests(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private synchronized void upload(UploadModelRequest r, StreamObserver<Operation> out) {
    requests.add(r);
    String name =
        r.getParentModel().isEmpty()
            ? r.getParent() + "/models/" + r.getModelId()
            : r.getParentModel();
    if (!r.getParent().matches(PROJECT_LOCATION) || !name.startsWith(r.getParent() + "/models/")) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("bad parent").asRuntimeException());
      return;
    }
    if (r.getParentModel().isEmpty() == models.containsKey(name)) {
      out.onError(
          (r.getParentModel().isEmpty() ? Status.ALREADY_EXISTS : Status.NOT_FOUND)
              .withDescription(name)
              .asRuntimeException());
      return;
    }
    List<Model> versions = models.computeIfAbsent(name, n -> new ArrayList<>());
    String id = Integer.toString(versions.size() + 1);
    Model.Builder model =
        r.getModel().toBuilder()
            .setName(name)
            .setVersionId(id)
            .clearVersionAliases()
            .setVersionCreateTime(Timestamp.newBuilder().setSeconds(clock++));
    if (versions.isEmpty()) {
      model.addVersionAliases("default");
    }
    versions.add(model.build());
    out.onNext(
        Operation.newBuilder()
            .setName(name + "/operations/" + id)
            .setDone(true)
            .setMetadata(Any.pack(UploadModelOperationMetadata.getDefaultInstance()))
            .setResponse(
                Any.pack(
                    UploadModelResponse.newBuilder().setModel(name).setModelVersionId(id).build()))
            .build());
    out.onCompleted();
  }

  private synchronized void get(GetModelRequest r, StreamObserver<Model> out) {
    requests.add(r);
    answer(find(r.getName()), r.getName(), out);
  }

  private synchronized void list(
      ListModelVersionsRequest r, StreamObserver<ListModelVersionsResponse> out) {
    requests.add(r);
    List<Model> versions = models.get(r.getName());
    if (versions == null) {
      out.onError(Status.NOT_FOUND.withDescription(r.getName()).asRuntimeException());
      return;
    }
    ListModelVersionsResponse.Builder response = ListModelVersionsResponse.newBuilder();
    versions.stream().filter(m -> matches(m, r.getFilter())).forEach(response::addModels);
    out.onNext(response.build());
    out.onCompleted();
  }

  private synchronized void merge(MergeVersionAliasesRequest r, StreamObserver<Model> out) {
    requests.add(r);
    if (failed(r, out)) {
      return;
    }
    Model target = find(r.getName());
    if (target == null) {
      answer(null, r.getName(), out);
      return;
    }
    List<Model> versions = models.get(target.getName());
    for (String alias : r.getVersionAliasesList()) {
      boolean remove = alias.startsWith("-");
      String plain = remove ? alias.substring(1) : alias;
      for (int i = 0; i < versions.size(); i++) {
        Model v = versions.get(i);
        boolean self = v.getVersionId().equals(target.getVersionId());
        List<String> aliases = new ArrayList<>(v.getVersionAliasesList());
        aliases.remove(plain);
        if (self && !remove) {
          aliases.add(plain);
        }
        versions.set(i, v.toBuilder().clearVersionAliases().addAllVersionAliases(aliases).build());
      }
    }
    answer(find(r.getName()), r.getName(), out);
  }

  private synchronized void update(UpdateModelRequest r, StreamObserver<Model> out) {
    requests.add(r);
    if (failed(r, out)) {
      return;
    }
    Model target = find(r.getModel().getName());
    if (target == null || !r.getUpdateMask().getPathsList().equals(List.of("labels"))) {
      answer(null, r.getModel().getName(), out);
      return;
    }
    List<Model> versions = models.get(target.getName());
    int index = versions.indexOf(target);
    versions.set(
        index, target.toBuilder().clearLabels().putAllLabels(r.getModel().getLabelsMap()).build());
    answer(versions.get(index), r.getModel().getName(), out);
  }

  private Model find(String name) {
    int at = name.indexOf('@');
    List<Model> versions = models.get(at < 0 ? name : name.substring(0, at));
    if (versions == null) {
      return null;
    }
    String which = at < 0 ? "default" : name.substring(at + 1);
    return versions.stream()
        .filter(m -> m.getVersionId().equals(which) || m.getVersionAliasesList().contains(which))
        .findFirst()
        .orElse(null);
  }

  private static boolean matches(Model model, String filter) {
    if (filter.isBlank()) {
      return true;
    }
    for (String term : filter.split(" AND ")) {
      String[] kv = term.strip().split("=", 2);
      String key = kv[0].strip().replaceFirst("^labels\\.", "");
      String value = kv[1].strip().replaceAll("^\"(.*)\"$", "$1");
      if (!value.equals(model.getLabelsMap().get(key))) {
        return false;
      }
    }
    return true;
  }

  private static void answer(Model model, String name, StreamObserver<Model> out) {
    if (model == null) {
      out.onError(Status.NOT_FOUND.withDescription(name + " not found").asRuntimeException());
      return;
    }
    out.onNext(model);
    out.onCompleted();
  }

  private static Operation op() {
    return Operation.getDefaultInstance();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(
      String name, Q request, R response) {
    var descriptor =
        ModelServiceProto.getDescriptor().findServiceByName("ModelService").findMethodByName(name);
    if (descriptor == null
        || !descriptor.getInputType().equals(request.getDescriptorForType())
        || !descriptor.getOutputType().equals(response.getDescriptorForType())) {
      throw new IllegalStateException("model_service.proto has no " + name + " of these types");
    }
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(
            MethodDescriptor.generateFullMethodName(
                descriptor.getService().getFullName(), descriptor.getName()))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }
}
