package io.recopipe.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.infra.contract.IamTable;
import io.recopipe.infra.contract.IamTable.MethodRow;
import io.recopipe.infra.contract.IamTable.RoleRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every Google API method the code calls (and the ones being added), the role Terraform grants
 * to the identity making the call holds the permission Google documents for that method: the method
 * → permission rows and the role → permission facts are cited test resources ({@link IamTable}),
 * the grants are read from {@code terraform/}. A call whose permission no granted role holds would
 * fail in the cloud after the steps before it ran; here it fails the build.
 */
class IamGrantsTest {
  /** Terraform's IAM member resource types and the resource kind each grants on. */
  private static final Map<String, String> KINDS =
      Map.of(
          "google_project_iam_member", "project",
          "google_bigquery_dataset_iam_member", "dataset",
          "google_storage_bucket_iam_member", "bucket",
          "google_artifact_registry_repository_iam_member", "repository",
          "google_cloud_run_v2_service_iam_member", "service",
          "google_service_account_iam_member", "serviceAccount");

  /** One grant: identity, role and the kind of resource it is on. */
  record Grant(String identity, String role, String kind) {}

  private static List<Grant> grants;

  @BeforeAll
  static void readTerraform() throws Exception {
    TerraformModule module = TerraformModule.load();
    grants = new ArrayList<>();
    KINDS.forEach(
        (type, kind) ->
            module
                .resources(type)
                .values()
                .forEach(
                    body -> {
                      String member = String.valueOf(body.get("member"));
                      String identity =
                          member.contains("pipeline_member")
                              ? "pipeline"
                              : member.contains("serving_member") ? "serving" : member;
                      grants.add(new Grant(identity, String.valueOf(body.get("role")), kind));
                    }));
  }

  @Test
  void everyCallIsGrantedByARoleThatHoldsItsPermission() {
    List<String> missing = new ArrayList<>();
    for (MethodRow row : IamTable.methods()) {
      if (row.status().equals("current") || row.status().startsWith("pending")) {
        Optional<Grant> grant = granting(row);
        if (grant.isEmpty()) {
          missing.add(
              row.method()
                  + ": no role granted to "
                  + row.identity()
                  + " on its "
                  + row.resource()
                  + " holds "
                  + row.permission()
                  + " (granted: "
                  + grantsOf(row.identity())
                  + ")");
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void rowsMarkedNotGrantedAreIndeedNotGranted() {
    for (MethodRow row : IamTable.methods()) {
      if (row.status().equals("not-granted")) {
        assertTrue(
            granting(row).isEmpty(),
            row.method() + " is now granted: mark it current in iam-methods.csv");
      }
    }
  }

  /**
   * The pipeline deploys with roles/run.developer on the service, which cannot set IAM policies
   * (https://cloud.google.com/run/docs/securing/managing-access): Terraform owns the invoker
   * bindings and deploy only reads the policy ({@code CloudRunContractTest} checks the calls).
   */
  @Test
  void theDeployerCanReadButNotSetTheServicesIamPolicy() {
    List<String> serviceRoles =
        grants.stream()
            .filter(g -> g.identity().equals("pipeline") && g.kind().equals("service"))
            .map(Grant::role)
            .toList();
    assertEquals(List.of("roles/run.developer"), serviceRoles);
    assertEquals(Optional.of(false), holds("roles/run.developer", "run.services.setIamPolicy"));
    assertEquals(Optional.of(true), holds("roles/run.developer", "run.services.getIamPolicy"));
    assertEquals(Optional.of(true), holds("roles/run.admin", "run.services.setIamPolicy"));
  }

  @Test
  void callsMadeByPeopleAreNotGrantedByTerraformAndEveryGrantHasCitedFacts() {
    for (MethodRow row : IamTable.methods()) {
      assertTrue(row.source().startsWith("https://cloud.google.com/"), row.toString());
      if (row.status().equals("outside-terraform")) {
        assertTrue(grantsOf(row.identity()).isEmpty(), row.toString());
      }
    }
    for (RoleRow role : IamTable.roles()) {
      assertTrue(role.source().startsWith("https://cloud.google.com/"), role.toString());
    }
    for (Grant grant : grants) {
      if (grant.identity().equals("pipeline")) {
        assertTrue(
            IamTable.roles().stream().anyMatch(r -> r.role().equals(grant.role())),
            grant + " has no cited facts in iam-roles.csv");
      }
    }
  }

  private static Optional<Grant> granting(MethodRow row) {
    return grants.stream()
        .filter(g -> g.identity().equals(row.identity()))
        .filter(g -> g.kind().equals(row.resource()) || g.kind().equals("project"))
        .filter(g -> holds(g.role(), row.permission()).orElse(false))
        .findFirst();
  }

  private static List<String> grantsOf(String identity) {
    return grants.stream()
        .filter(g -> g.identity().equals(identity))
        .map(g -> g.role() + "@" + g.kind())
        .toList();
  }

  /** What iam-roles.csv says of {@code role} and {@code permission}; empty if it says nothing. */
  private static Optional<Boolean> holds(String role, String permission) {
    return IamTable.roles().stream()
        .filter(r -> r.role().equals(role) && r.permission().equals(permission))
        .map(RoleRow::included)
        .findFirst();
  }
}
