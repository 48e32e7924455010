package io.recopipe.infra.cloudrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.infra.contract.IamTable;
import io.recopipe.infra.contract.ProtoContract;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole deploy cycle (create, canary and promotion, rollback, a job's stage and release) through
 * the real google-cloud-run client, every request checked by {@link FakeCloudRun} against the
 * {@code google.cloud.run.v2.Services} and {@code google.cloud.run.v2.Revisions} protos compiled
 * into the client jar: required fields, resource name patterns, and the REST binding each method
 * has in the published proto. The IAM policy is only read: Terraform owns the invoker bindings and
 * the deployer's role cannot set them.
 */
class CloudRunContractTest {
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/my-project/repo/recopipe@sha256:";

  private final FakeCloudRun fake = new FakeCloudRun();
  private CloudRunClients client;

  @BeforeEach
  void start() throws Exception {
    client = fake.clients();
    fake.policy =
        Policy.newBuilder()
            .addBindings(
                Binding.newBuilder().setRole(InvokerPolicy.ROLE).addMembers("group:a@example.com"))
            .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    fake.close();
  }

  @Test
  void aDeployCycleSendsOnlyWhatThePublishedProtoAllowsAndNeverWritesIam() throws Exception {
    CloudRunDeployTarget target =
        new CloudRunDeployTarget(
            client,
            "my-project",
            "europe-west1",
            "recs",
            "serving@my-project.iam.gserviceaccount.com",
            List.of("group:a@example.com"),
            CanaryCheck.READY_IS_ENOUGH);
    target.deploy(new DeployRequest(IMAGE + "0123456789ab", "0123456789ab", "r1", "m", 0));
    target.deploy(new DeployRequest(IMAGE + "ba9876543210", "ba9876543210", "r2", "m", 10));
    target.rollback();
    target.stage(new DeployRequest(IMAGE + "cafe00000003", "cafe00000003", "r3", "m", 0));
    assertTrue(target.release("cafe00000003", IMAGE + "cafe00000003").isPresent());

    assertEquals(List.of(), fake.violations, "requests the published proto does not allow");
    Map<String, String> bindings = new TreeMap<>();
    for (String call : fake.calls) {
      String method = call.split(" ")[0];
      ProtoContract contract = FakeCloudRun.contract(method);
      bindings.put(contract.fullName(method), contract.http(method));
    }
    assertEquals(
        Map.of(
            "google.cloud.run.v2.Services/CreateService",
            "POST /v2/{parent=projects/*/locations/*}/services",
            "google.cloud.run.v2.Services/GetIamPolicy",
            "GET /v2/{resource=projects/*/locations/*/services/*}:getIamPolicy",
            "google.cloud.run.v2.Services/GetService",
            "GET /v2/{name=projects/*/locations/*/services/*}",
            "google.cloud.run.v2.Services/UpdateService",
            "PATCH /v2/{service.name=projects/*/locations/*/services/*}",
            "google.cloud.run.v2.Revisions/ListRevisions",
            "GET /v2/{parent=projects/*/locations/*/services/*}/revisions"),
        bindings,
        "the methods a deploy cycle calls and their published REST bindings");
    assertTrue(
        IamTable.calledMethods().containsAll(new TreeSet<>(bindings.keySet())),
        bindings.keySet() + " all have a row in iam-methods.csv");
    assertFalse(
        fake.calls.contains("SetIamPolicy"),
        "roles/run.developer lacks run.services.setIamPolicy: deploy must never call it");
  }

  @Test
  void aRevisionListingOffThePublishedProtoIsCaught() {
    List<String> problems =
        FakeCloudRun.REVISIONS_CONTRACT.problems(
            "ListRevisions",
            com.google.cloud.run.v2.ListRevisionsRequest.newBuilder().setParent("recs").build());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("parent = recs does not fit URL")),
        problems.toString());
    assertTrue(
        FakeCloudRun.REVISIONS_CONTRACT
            .problems(
                "ListRevisions", com.google.cloud.run.v2.ListRevisionsRequest.getDefaultInstance())
            .stream()
            .anyMatch(p -> p.contains(".parent is REQUIRED")),
        "the parent service is required");
  }

  @Test
  void aRequestOffThePublishedProtoIsCaught() {
    List<String> problems =
        FakeCloudRun.CONTRACT.problems(
            "UpdateService",
            com.google.cloud.run.v2.UpdateServiceRequest.newBuilder()
                .setService(com.google.cloud.run.v2.Service.newBuilder().setName("recs"))
                .build());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("service.name = recs does not fit URL")),
        problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(".service.template is REQUIRED")),
        problems.toString());
  }
}
