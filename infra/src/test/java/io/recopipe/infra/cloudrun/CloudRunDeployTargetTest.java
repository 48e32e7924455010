package io.recopipe.infra.cloudrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.RolledBackException;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.packaging.ServingResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deploys through the real google-cloud-run client to {@link FakeCloudRun} on a loopback gRPC
 * server (plaintext, no credentials), asserting the exact requests and their order.
 */
class CloudRunDeployTargetTest {
  private static final String PARENT = "projects/my-project/locations/europe-west1";
  private static final String NAME = PARENT + "/services/recs";
  private static final String SA = "serving@my-project.iam.gserviceaccount.com";
  private static final List<String> INVOKERS =
      List.of(
          "serviceAccount:app@my-project.iam" + ".gserviceaccount.com",
          "group:analysts@example.com");
  private static final String V1 = "0123456789ab";
  private static final String V2 = "ba9876543210";
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/my-project/repo/recopipe@sha256:";

  private final FakeCloudRun fake = new FakeCloudRun();
  private final List<String> checked = new ArrayList<>();
  private CloudRunClients client;

  @BeforeEach
  void start() throws Exception {
    client = fake.clients();
    // what Terraform leaves: its invoker bindings (and an admin's)
    fake.policy =
        Policy.newBuilder()
            .setEtag(ByteString.copyFromUtf8("etag-1"))
            .addBindings(
                Binding.newBuilder().setRole("roles/run.admin").addMembers("user:ops@x.com"))
            .addBindings(Binding.newBuilder().setRole(InvokerPolicy.ROLE).addAllMembers(INVOKERS))
            .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    assertEquals(List.of(), fake.violations, "requests the published proto does not allow");
    fake.close();
  }

  private CloudRunDeployTarget target(CanaryCheck check) {
    return new CloudRunDeployTarget(
        client, "my-project", "europe-west1", "recs", SA, INVOKERS, check);
  }

  private static DeployRequest request(String version, int canary) {
    return new DeployRequest(
        IMAGE + version, version, "run-" + version, "recommender_model", canary);
  }

  @Test
  void firstDeployCreatesAPrivateServiceWithARevisionNamedAfterTheModel() throws Exception {
    Map<String, Object> endpoint = target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 10));

    CreateServiceRequest create = fake.requests(CreateServiceRequest.class).get(0);
    assertEquals(PARENT, create.getParent());
    assertEquals("recs", create.getServiceId());
    assertEquals("recs-m-0123456789ab-1", create.getService().getTemplate().getRevision());
    assertEquals(SA, create.getService().getTemplate().getServiceAccount());
    Container container = create.getService().getTemplate().getContainers(0);
    assertEquals(IMAGE + V1, container.getImage());
    assertEquals(8080, container.getPorts(0).getContainerPort());
    assertEquals(
        "MODEL_NAME=recommender_model,MODEL_VERSION=0123456789ab,RECOPIPE_RUN_ID=run-"
            + V1
            + ",JAVA_TOOL_OPTIONS=-XX:+UseSerialGC -XX:MaxRAMPercentage=60,"
            + "RECOPIPE_SERVING_THREADS="
            + ServingResources.CLOUD_RUN_DEFAULT.threads()
            + ",RECOPIPE_SERVING_WORKERS="
            + ServingResources.CLOUD_RUN_DEFAULT.workers(),
        String.join(
            ",",
            container.getEnvList().stream().map(e -> e.getName() + "=" + e.getValue()).toList()));
    assertEquals(Map.of("cpu", "1", "memory", "512Mi"), container.getResources().getLimitsMap());
    assertEquals(List.of("recs-m-0123456789ab-1=100"), split(create.getService()));
    assertEquals(
        List.of(
            "GetService", "CreateService recs-m-0123456789ab-1 " + "[recs-m-0123456789ab-1=100]"),
        fake.calls,
        "no canary without a previous revision, "
            + "and the IAM policy is Terraform's: never written");
    assertEquals(
        "https://recs-abc123-ew.a.run.app/v1/models/recommender_model:predict",
        endpoint.get("url"));
    assertEquals("recs-m-0123456789ab-1", endpoint.get("revision"));
  }

  @Test
  void canarySplitsTrafficThenPromotesTheNewRevision() throws Exception {
    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 0));
    Map<String, Object> endpoint =
        target(
                (uri, revision, tagUri) -> {
                  checked.add(revision + " " + tagUri);
                  return null;
                })
            .deploy(request(V2, 10));

    List<UpdateServiceRequest> updates = fake.requests(UpdateServiceRequest.class);
    assertEquals(3, updates.size());
    Service first = updates.get(0).getService();
    assertEquals(NAME, first.getName());
    assertEquals("recs-m-ba9876543210-1", first.getTemplate().getRevision());
    assertEquals(
        List.of("recs-m-0123456789ab-1=100"),
        split(first),
        "the new revision is created while traffic stays pinned");
    assertEquals(
        "recs-m-0123456789ab-1",
        first.getAnnotationsMap().get(CloudRunDeployTarget.PREVIOUS_ANNOTATION));
    assertEquals(
        List.of("recs-m-ba9876543210-1=10#canary", "recs-m-0123456789ab-1=90"),
        split(updates.get(1).getService()));
    assertEquals(
        List.of("recs-m-ba9876543210-1 https://canary---recs-abc123-ew.a.run.app"), checked);
    assertEquals(List.of("recs-m-ba9876543210-1=100"), split(updates.get(2).getService()));
    assertEquals(
        "recs-m-ba9876543210-1",
        updates.get(2).getService().getTemplate().getRevision(),
        "promotion keeps the template, so no third revision");
    assertEquals(
        List.of(Map.of("revision", "recs-m-ba9876543210-1", "percent", 100)),
        endpoint.get("traffic"));
    assertEquals(10, endpoint.get("canary_percent"));
  }

  @Test
  void failedCanarySendsAllTrafficBackAndEndsRolledBack() throws Exception {
    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 0));

    RolledBackException e =
        assertThrows(
            RolledBackException.class,
            () ->
                target((uri, revision, tagUri) -> "predict returned HTTP 500")
                    .deploy(request(V2, 25)));

    assertEquals(
        "deploy: canary revision recs-m-ba9876543210-1 failed its check: predict "
            + "returned HTTP 500 (all traffic back on recs-m-0123456789ab-1)",
        e.getMessage());
    List<UpdateServiceRequest> updates = fake.requests(UpdateServiceRequest.class);
    assertEquals(
        List.of("recs-m-ba9876543210-1=25#canary", "recs-m-0123456789ab-1=75"),
        split(updates.get(1).getService()));
    assertEquals(List.of("recs-m-0123456789ab-1=100"), split(updates.get(2).getService()));
    assertEquals(3, updates.size());
  }

  @Test
  void rollbackSendsAllTrafficToThePreviousRevision() throws Exception {
    CloudRunDeployTarget target = target(CanaryCheck.READY_IS_ENOUGH);
    target.deploy(request(V1, 0));
    target.deploy(request(V2, 0));

    Map<String, Object> endpoint = target.rollback();

    List<UpdateServiceRequest> updates = fake.requests(UpdateServiceRequest.class);
    Service last = updates.get(updates.size() - 1).getService();
    assertEquals(List.of("recs-m-0123456789ab-1=100"), split(last));
    assertEquals(
        "recs-m-ba9876543210-1",
        last.getAnnotationsMap().get(CloudRunDeployTarget.PREVIOUS_ANNOTATION));
    assertEquals("recs-m-0123456789ab-1", endpoint.get("revision"));
    assertEquals("recs-m-ba9876543210-1", endpoint.get("rolled_back_from"));
  }

  @Test
  void sameModelGetsTheNextNumberForANewImageAndReusesItsRevisionOnRetry() throws Exception {
    CloudRunDeployTarget target = target(CanaryCheck.READY_IS_ENOUGH);
    target.deploy(request(V1, 0));
    target.deploy(new DeployRequest(IMAGE + "other", V1, "run-2", "recommender_model", 0));
    target.deploy(new DeployRequest(IMAGE + "other", V1, "run-2", "recommender_model", 0));

    List<UpdateServiceRequest> updates = fake.requests(UpdateServiceRequest.class);
    assertEquals(
        List.of("recs-m-0123456789ab-2", "recs-m-0123456789ab-2", "recs-m-0123456789ab-2"),
        updates.stream().map(u -> u.getService().getTemplate().getRevision()).toList(),
        "stage and move, then the retry reuses the revision");
    assertEquals(
        List.of("recs-m-0123456789ab-2=100"),
        split(updates.get(2).getService()),
        "the retry finds the revision serving: nothing to move");
  }

  @Test
  void publicInvokersAreRefused() {
    for (String member : List.of("allUsers", "allAuthenticatedUsers")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new CloudRunDeployTarget(
                      client,
                      "my-project",
                      "europe-west1",
                      "recs",
                      SA,
                      List.of("user:a@b.com", member),
                      CanaryCheck.READY_IS_ENOUGH));
      assertEquals(
          "gcp.invokers: '"
              + member
              + "' is refused: the Cloud Run service is never "
              + "public (grant specific principals instead)",
          e.getMessage());
    }
    assertTrue(fake.requests.isEmpty());
  }

  @Test
  void rollbackWithoutAPreviousRevisionSaysSo() throws Exception {
    CloudRunDeployTarget target = target(CanaryCheck.READY_IS_ENOUGH);
    target.deploy(request(V1, 0));

    ComponentException e = assertThrows(ComponentException.class, target::rollback);
    assertEquals(
        "deploy: cannot roll back "
            + NAME
            + ": no previous revision recorded "
            + "(annotation recopipe.io/previous-revision)",
        e.getMessage());
  }

  @Test
  void serviceNameTooLongForRevisionNamesFailsNamingTheSetting() {
    String longId = "s".repeat(49);
    CloudRunDeployTarget target =
        new CloudRunDeployTarget(
            client,
            "my-project",
            "europe-west1",
            longId,
            SA,
            INVOKERS,
            CanaryCheck.READY_IS_ENOUGH);

    ComponentException e =
        assertThrows(ComponentException.class, () -> target.deploy(request(V1, 0)));
    assertTrue(
        e.getMessage().startsWith("deploy: gcp.service '" + longId + "' is too long"),
        e.getMessage());
  }

  @Test
  void trafficMovesLastAfterEveryCallThatCanFail() throws Exception {
    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 0));
    fake.calls.clear();

    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V2, 0));

    assertEquals(
        List.of(
            "GetService",
            "GetIamPolicy",
            "UpdateService recs-m-ba9876543210-1 [recs-m-0123456789ab-1=100]",
            "UpdateService recs-m-ba9876543210-1 [recs-m-ba9876543210-1=100]"),
        fake.calls);
    // Cloud Run Developer "can get but not set IAM policies"
    // (https://cloud.google.com/run/docs/securing/managing-access); roles/run.admin holds
    // run.services.setIamPolicy (https://cloud.google.com/run/docs/reference/iam/roles)
    assertTrue(
        fake.requests(SetIamPolicyRequest.class).isEmpty(),
        "Terraform owns the " + "invoker bindings; roles/run.developer cannot set IAM policies");
  }

  @Test
  void aRevisionThatNeverBecomesReadyLeavesTrafficWhereItWas() throws Exception {
    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 0));
    fake.failingRevision = "recs-m-ba9876543210-1";
    fake.calls.clear();

    ComponentException e =
        assertThrows(
            ComponentException.class,
            () -> target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V2, 10)));

    assertTrue(
        e.getMessage()
            .startsWith(
                "deploy: cannot update Cloud Run service " + NAME + ": FAILED_PRECONDITION: "),
        e.getMessage());
    assertEquals(
        List.of(
            "GetService",
            "GetIamPolicy",
            "UpdateService recs-m-ba9876543210-1 [recs-m-0123456789ab-1=100]"),
        fake.calls);
    assertEquals(List.of("recs-m-0123456789ab-1=100"), split(fake.services.get(NAME)));
  }

  @Test
  void anIamPolicyThatCannotBeReadStopsTheDeployBeforeAnyChange() throws Exception {
    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 0));
    fake.failures.put(
        "GetIamPolicy",
        Status.PERMISSION_DENIED.withDescription("Permission 'run.services.getIamPolicy' denied"));
    fake.calls.clear();

    ComponentException e =
        assertThrows(
            ComponentException.class,
            () -> target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V2, 0)));

    assertEquals(
        "deploy: cannot read the IAM policy of Cloud Run service "
            + NAME
            + ": PERMISSION_DENIED: io.grpc.StatusRuntimeException: PERMISSION_DENIED: Permission "
            + "'run.services.getIamPolicy' denied",
        e.getMessage());
    assertEquals(List.of("GetService", "GetIamPolicy"), fake.calls);
    assertEquals(List.of("recs-m-0123456789ab-1=100"), split(fake.services.get(NAME)));
  }

  @Test
  void aPublicOrIncompleteInvokerPolicyIsRefusedBeforeAnyChange() throws Exception {
    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 0));
    fake.policy =
        fake.policy.toBuilder()
            .addBindings(Binding.newBuilder().setRole(InvokerPolicy.ROLE).addMembers("allUsers"))
            .build();

    ComponentException open =
        assertThrows(
            ComponentException.class,
            () -> target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V2, 0)));
    assertEquals(
        "deploy: Cloud Run service "
            + NAME
            + ": its IAM policy grants "
            + "roles/run.invoker to allUsers, so the endpoint is public; remove that binding "
            + "(recopipe never serves a model publicly); traffic stays on recs-m-0123456789ab-1",
        open.getMessage());

    fake.policy =
        Policy.newBuilder()
            .addBindings(
                Binding.newBuilder().setRole(InvokerPolicy.ROLE).addMembers(INVOKERS.get(0)))
            .build();
    ComponentException missing =
        assertThrows(
            ComponentException.class,
            () -> target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V2, 0)));
    assertEquals(
        "deploy: Cloud Run service "
            + NAME
            + ": gcp.invokers lists "
            + "group:analysts@example.com, but its IAM policy does not grant them roles/run.invoker;"
            + " run terraform apply with the same invokers (Terraform owns the invoker bindings); "
            + "traffic stays on recs-m-0123456789ab-1",
        missing.getMessage());
    assertTrue(fake.requests(UpdateServiceRequest.class).isEmpty());
    assertEquals(List.of("recs-m-0123456789ab-1=100"), split(fake.services.get(NAME)));
  }

  private static List<String> split(Service service) {
    List<String> out = new ArrayList<>();
    for (TrafficTarget t : service.getTrafficList()) {
      out.add(
          t.getRevision() + "=" + t.getPercent() + (t.getTag().isEmpty() ? "" : "#" + t.getTag()));
    }
    return out;
  }
}
