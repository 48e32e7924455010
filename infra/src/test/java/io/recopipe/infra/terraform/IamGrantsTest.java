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
          "google_bigquery_table_iam_member", "table",
          "google_storage_bucket_iam_member", "bucket",
          "google_artifact_registry_repository_iam_member", "repository",
          "google_cloud_run_v2_service_iam_member", "service",
          "google_service_account_iam_member", "serviceAccount");

  /** One grant: identity, role and the kind of resource it is on. */
  record Grant(String identity, String role, String kind) {}

  private static List<Grant> grants;
  private static Map<String, List<String>> customRoles;

  @BeforeAll
  static void readTerraform() throws Exception {
    TerraformModule module = TerraformModule.shared();
    customRoles = module.customRoles();
    grants = new ArrayList<>();
    for (TerraformModule.Grant g : module.grants()) {
      String kind = KINDS.get(g.type());
      assertTrue(kind != null, g + ": a grant type this test does not know");
      grants.add(new Grant(g.identity(), g.role(), kind));
    }
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
    assertEquals(List.of("roles/run.developer"), roles("pipeline", "service"));
    assertEquals(Optional.of(false), holds("roles/run.developer", "run.services.setIamPolicy"));
    assertEquals(Optional.of(true), holds("roles/run.developer", "run.services.getIamPolicy"));
    assertEquals(Optional.of(true), holds("roles/run.admin", "run.services.setIamPolicy"));
  }

  /**
   * A job's release finds the revision the job staged by listing the service's revisions; Google
   * checks run.revisions.list on the parent service
   * (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services.revisions/list),
   * so the pipeline's roles/run.developer grant on the service covers it
   * (https://cloud.google.com/iam/docs/roles-permissions/run#run.developer).
   */
  @Test
  void thePipelineCanListTheRevisionsOfTheServiceItReleasesTo() {
    MethodRow list =
        IamTable.methods().stream()
            .filter(r -> r.method().equals("google.cloud.run.v2.Revisions/ListRevisions"))
            .findFirst()
            .orElseThrow();
    assertEquals("service", list.resource());
    assertEquals(
        Optional.of(new Grant("pipeline", "roles/run.developer", "service")), granting(list));
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
      if (!grant.role().equals("roles/run.invoker")) {
        assertTrue(
            customRoles.containsKey(grant.role())
                || IamTable.roles().stream().anyMatch(r -> r.role().equals(grant.role())),
            grant + " has no cited facts in iam-roles.csv and is no custom role in terraform/");
      }
    }
  }

  /**
   * A custom role exists to hold exactly what no predefined role grants narrowly enough, so every
   * permission in it is one a call made by someone granted the role needs.
   */
  @Test
  void customRolesHoldOnlyPermissionsTheirHoldersCallsNeed() {
    customRoles.forEach(
        (role, permissions) -> {
          List<String> holders =
              grants.stream().filter(g -> g.role().equals(role)).map(Grant::identity).toList();
          assertTrue(!holders.isEmpty(), role + " is granted to nobody");
          for (String permission : permissions) {
            assertTrue(
                IamTable.methods().stream()
                    .anyMatch(
                        row ->
                            row.permission().equals(permission)
                                && holders.contains(row.identity())
                                && !row.status().equals("not-granted")),
                role + " holds " + permission + ", which no call of " + holders + " needs");
          }
        });
  }

  /**
   * Polling a Cloud Run operation is checked on the operation, a child of the location: the
   * service-level roles/run.developer grant does not reach it, so whoever deploys gets it on the
   * project (https://cloud.google.com/iam/docs/resource-hierarchy-access-control).
   */
  @Test
  void deployersCanPollCloudRunOperationsThroughAProjectGrant() {
    for (String identity : List.of("pipeline", "reviewer")) {
      MethodRow poll =
          IamTable.methods().stream()
              .filter(r -> r.method().equals("google.longrunning.Operations/GetOperation"))
              .filter(r -> r.identity().equals(identity))
              .findFirst()
              .orElseThrow();
      assertEquals("location", poll.resource());
      assertEquals("current", poll.status());
      Grant grant = granting(poll).orElseThrow();
      assertEquals("project", grant.kind(), identity + " polls through " + grant);
    }
  }

  /**
   * Registering a version waits for UploadModel's long-running operation. Vertex AI checks a call
   * on an operation against the permissions of the resource it works on, not against a permission
   * of its own: Google's table lists, for instance, "aiplatform.batchPredictionJobs.get (to call
   * GET on the returned long-running operation)"
   * (https://cloud.google.com/vertex-ai/docs/general/iam-permissions). Whichever model permission
   * the UploadModel row names (upload,
   * https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.models/upload, or
   * get), the pipeline's project-level role holds it.
   */
  @Test
  void thePipelineCanPollTheModelUploadItStarts() {
    List<String> projectRoles = roles("pipeline", "project");
    for (String permission : List.of("aiplatform.models.upload", "aiplatform.models.get")) {
      assertTrue(
          projectRoles.stream().anyMatch(role -> holds(role, permission).orElse(false)),
          permission + " in none of " + projectRoles);
    }
  }

  /**
   * Operators run {@code recopipe run --profile gcp} as the pipeline account: their one grant is
   * roles/iam.serviceAccountTokenCreator on that account (never the project, which would reach
   * every account), and it holds iam.serviceAccounts.getAccessToken, the permission impersonation
   * needs
   * (https://cloud.google.com/docs/authentication/use-service-account-impersonation#required-roles).
   */
  @Test
  void operatorsCanOnlyImpersonateThePipelineAccount() {
    assertEquals(
        List.of(new Grant("operator", "roles/iam.serviceAccountTokenCreator", "serviceAccount")),
        grants.stream().filter(g -> g.identity().equals("operator")).toList());
    assertEquals(
        Optional.of(true),
        holds("roles/iam.serviceAccountTokenCreator", "iam.serviceAccounts.getAccessToken"));
    Map<String, Map<String, Object>> onAccounts =
        TerraformModule.shared().resources("google_service_account_iam_member");
    assertEquals(
        List.of("google_service_account.pipeline.name"),
        TerraformModule.valuesAt(onAccounts, "operator_impersonates_pipeline.service_account_id"));
  }

  private static Optional<Grant> granting(MethodRow row) {
    return grants.stream()
        .filter(g -> g.identity().equals(row.identity()))
        .filter(g -> g.kind().equals(row.resource()) || g.kind().equals("project"))
        .filter(g -> holds(g.role(), row.permission()).orElse(false))
        .findFirst();
  }

  /** The roles granted to {@code identity} on resources of {@code kind}. */
  private static List<String> roles(String identity, String kind) {
    return grants.stream()
        .filter(g -> g.identity().equals(identity) && g.kind().equals(kind))
        .map(Grant::role)
        .toList();
  }

  private static List<String> grantsOf(String identity) {
    return grants.stream()
        .filter(g -> g.identity().equals(identity))
        .map(g -> g.role() + "@" + g.kind())
        .toList();
  }

  /**
   * Whether {@code role} holds {@code permission}: a custom role by its permissions in terraform/,
   * a predefined one by iam-roles.csv (empty when the table says nothing).
   */
  private static Optional<Boolean> holds(String role, String permission) {
    if (customRoles.containsKey(role)) {
      return Optional.of(customRoles.get(role).contains(permission));
    }
    return IamTable.roles().stream()
        .filter(r -> r.role().equals(role) && r.permission().equals(permission))
        .map(RoleRow::included)
        .findFirst();
  }
}
