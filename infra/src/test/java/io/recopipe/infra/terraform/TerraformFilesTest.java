package io.recopipe.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.gcs.GcsHeadAnchor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TerraformFilesTest {
  private static final Pattern VAR_REFERENCE = Pattern.compile("\\bvar\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> PUBLIC_PRINCIPALS = Set.of("allUsers", "allAuthenticatedUsers");
  private static final TerraformModule MODULE = TerraformModule.shared();

  @Test
  void everyReferencedVariableIsDeclared() {
    Set<String> undeclared = new TreeSet<>(references(false));
    undeclared.removeAll(MODULE.blocks("variable").keySet());
    assertEquals(Set.of(), undeclared, "var.X used but no variable \"X\" block");
  }

  @Test
  void everyDeclaredVariableIsUsedOutsideItsOwnDeclaration() {
    Set<String> unused = new TreeSet<>(MODULE.blocks("variable").keySet());
    unused.removeAll(references(true));
    assertEquals(Set.of(), unused, "variables declared but never used by a resource or output");
  }

  @Test
  void everyVariableHasADescriptionAndAType() {
    MODULE
        .blocks("variable")
        .forEach(
            (name, body) -> {
              assertTrue(body.get("description") instanceof String s && !s.isBlank(), name);
              assertTrue(body.containsKey("type"), name + " has no type");
            });
  }

  @Test
  void providerIsPinnedToGoogleSeven() {
    Map<String, Object> terraform = MODULE.blocks("terraform").get("required_providers");
    assertEquals(List.of("hashicorp/google"), TerraformModule.valuesAt(terraform, "google.source"));
    assertEquals(List.of("~> 7.0"), TerraformModule.valuesAt(terraform, "google.version"));
    assertTrue(MODULE.blocks("terraform").containsKey("required_version"));
  }

  @Test
  void requiredArgumentsArePresent() {
    Map<String, List<String>> required =
        Map.of(
            "google_bigquery_dataset", List.of("dataset_id", "location"),
            "google_storage_bucket", List.of("name", "location"),
            "google_artifact_registry_repository", List.of("repository_id", "format", "location"),
            "google_cloud_run_v2_service", List.of("name", "location", "template.containers.image"),
            "google_service_account", List.of("account_id"));
    required.forEach(
        (type, paths) -> {
          Map<String, Map<String, Object>> resources = MODULE.resources(type);
          assertFalse(resources.isEmpty(), "no " + type);
          resources.forEach(
              (name, body) ->
                  paths.forEach(
                      path ->
                          assertFalse(
                              TerraformModule.valuesAt(body, path).isEmpty(),
                              type + "." + name + " lacks " + path)));
        });
    assertEquals(
        Set.of("pipeline", "serving"), MODULE.resources("google_service_account").keySet());
  }

  @Test
  void repositoryHoldsDockerImages() {
    MODULE
        .resources("google_artifact_registry_repository")
        .values()
        .forEach(body -> assertEquals("DOCKER", body.get("format")));
  }

  @Test
  void cloudRunServiceIsDestroyableRunsAsServingAccountAndLeavesRevisionsToTheCli() {
    Map<String, Object> service = MODULE.resources("google_cloud_run_v2_service").get("serving");
    assertEquals(false, service.get("deletion_protection"));
    assertFalse(Boolean.TRUE.equals(service.get("invoker_iam_disabled")), "invoker check off");
    assertEquals(
        List.of("google_service_account.serving.email"),
        TerraformModule.valuesAt(service, "template.service_account"));
    List<Object> ignored = TerraformModule.valuesAt(service, "lifecycle.ignore_changes");
    assertEquals(1, ignored.size());
    assertTrue(
        ((List<?>) ignored.get(0)).containsAll(List.of("template", "traffic", "client")),
        "ignore_changes " + ignored);
  }

  @Test
  void noResourceGrantsAnythingToThePublic() {
    MODULE
        .resources()
        .forEach(
            (type, byName) ->
                byName.forEach(
                    (name, body) -> {
                      for (String value : strings(body)) {
                        PUBLIC_PRINCIPALS.forEach(
                            p -> assertFalse(value.contains(p), type + "." + name));
                      }
                    }));
  }

  @Test
  void onlyTheInvokersVariableGetsRunInvoker() {
    MODULE
        .resources()
        .forEach(
            (type, byName) ->
                byName.forEach(
                    (name, body) -> {
                      if (strings(body).contains("roles/run.invoker")) {
                        assertEquals("google_cloud_run_v2_service_iam_member", type, name);
                        assertEquals("each.value", body.get("member"), type + "." + name);
                        String text = MODULE.resourceText(type, name);
                        assertTrue(
                            text.matches("(?s).*for_each\\s*=\\s*toset\\(var\\.invokers\\).*"),
                            text);
                      }
                    }));
    assertTrue(
        MODULE
            .texts()
            .get("variables.tf")
            .contains("can(regex(\"^(user|serviceAccount|" + "group|domain):.+$\", member))"),
        "invokers validation must refuse public principals");
  }

  @Test
  void grantsAreExactlyTheLeastPrivilegeSet() {
    Set<String> grants = new TreeSet<>();
    for (TerraformModule.Grant g : MODULE.grants()) {
      if (!g.role().equals("roles/run.invoker")) {
        grants.add(g.role() + " on " + g.type().replace("_iam_member", "") + " to " + g.identity());
      }
    }
    String runOperations = "google_project_iam_custom_role.run_operations.name";
    assertEquals(
        new TreeSet<>(
            List.of(
                "roles/aiplatform.user on google_project to pipeline",
                "roles/bigquery.jobUser on google_project to pipeline",
                "roles/bigquery.dataEditor on google_bigquery_dataset to pipeline",
                "roles/storage.objectAdmin on google_storage_bucket to pipeline",
                "roles/artifactregistry.writer on google_artifact_registry_repository to pipeline",
                "roles/run.developer on google_cloud_run_v2_service to pipeline",
                runOperations + " on google_project to pipeline",
                "roles/iam.serviceAccountUser on google_service_account to pipeline",
                "roles/artifactregistry.reader on google_artifact_registry_repository to serving",
                "roles/bigquery.jobUser on google_project to reviewer",
                "roles/bigquery.dataEditor on google_bigquery_table to reviewer",
                "roles/storage.objectUser on google_storage_bucket to reviewer",
                "google_project_iam_custom_role.model_promoter.name on google_project to reviewer",
                "roles/run.developer on google_cloud_run_v2_service to reviewer",
                runOperations + " on google_project to reviewer",
                "roles/iam.serviceAccountUser on google_service_account to reviewer",
                "roles/aiplatform.user on google_project to submitter",
                "roles/iam.serviceAccountUser on google_service_account to submitter",
                "roles/iam.serviceAccountTokenCreator on google_service_account to operator")),
        grants,
        "reviewers get the review tables (not the dataset), the anchor object, BigQuery jobs,"
            + " alias moves and the deploy; submitters create pipeline jobs as the pipeline account;"
            + " operators impersonate it");
    Map<String, Map<String, Object>> actAs = MODULE.resources("google_service_account_iam_member");
    assertEquals(
        List.of("google_service_account.serving.name"),
        TerraformModule.valuesAt(actAs, "pipeline_acts_as_serving.service_account_id"),
        "the pipeline acts as the serving account only");
    assertEquals(
        List.of("google_service_account.serving.name"),
        TerraformModule.valuesAt(actAs, "reviewer_acts_as_serving.service_account_id"));
    assertEquals(
        List.of("google_service_account.pipeline.name"),
        TerraformModule.valuesAt(actAs, "submitter_acts_as_pipeline.service_account_id"),
        "submitters act as the pipeline account only");
    assertEquals(
        List.of("google_service_account.pipeline.name"),
        TerraformModule.valuesAt(actAs, "operator_impersonates_pipeline.service_account_id"),
        "operators impersonate the pipeline account only");
  }

  /** The review tables are granted once, by one for_each over table → role, not parallel blocks. */
  @Test
  void reviewerTableGrantsAreOneForEachOverTableToRole() {
    assertEquals(
        Map.of("audit_log", "roles/bigquery.dataEditor", "approvals", "roles/bigquery.dataEditor"),
        MODULE.reviewerTableRoles());
    Set<String> tables = new TreeSet<>();
    MODULE
        .resources("google_bigquery_table")
        .values()
        .forEach(body -> tables.add(String.valueOf(body.get("table_id"))));
    assertEquals(tables, new TreeSet<>(MODULE.reviewerTableRoles().keySet()), "every review table");
    assertEquals(
        Set.of("reviewer_tables"), MODULE.resources("google_bigquery_table_iam_member").keySet());
    String text = MODULE.resourceText("google_bigquery_table_iam_member", "reviewer_tables");
    assertTrue(text.matches("(?s).*for_each\\s*=\\s*local\\.reviewer_table_grants\\s.*"), text);
    assertTrue(
        MODULE
            .texts()
            .get("iam.tf")
            .matches(
                "(?s).*for pair in setproduct\\(keys\\(local\\.reviewer_table_roles\\),"
                    + " var\\.reviewers\\).*"),
        "one grant per table and reviewer");
  }

  /**
   * Reviewers write the audit log's head anchor and no other object of the bucket. The condition
   * names the object the way Cloud Storage resource names read in IAM conditions, {@code
   * projects/_/buckets/BUCKET/objects/OBJECT} (Google's own example: {@code
   * resource.name.startsWith("projects/_/buckets/bucket-name/objects/prefix-a-")},
   * https://cloud.google.com/ruby/docs/reference/google-cloud-storage/1.48.0/Google-Cloud-Storage-Policy-Condition;
   * Cloud Storage recognizes the name attribute:
   * https://cloud.google.com/iam/docs/configuring-resource-based-access).
   */
  @Test
  void reviewersMayWriteTheAuditAnchorObjectOnly() {
    Map<String, Object> grant =
        MODULE.resources("google_storage_bucket_iam_member").get("reviewer_audit_anchor");
    assertEquals(
        "resource.name == \"projects/_/buckets/${google_storage_bucket.recopipe.name}/objects/"
            + "${local.audit_anchor_object}\"",
        MODULE
            .stringArgument(
                "resource \"google_storage_bucket_iam_member\" \"reviewer_audit_anchor\"",
                "expression")
            .replace("\\\"", "\""));
    assertEquals(1, TerraformModule.valuesAt(grant, "condition.title").size());
    String object = MODULE.render("${local.audit_anchor_object}", SampleState::valueOf);
    GcpConfig config = SampleState.config(List.of());
    assertEquals(
        GcsHeadAnchor.forAuditTable(null, config, "audit_log").uri(),
        "gs://" + config.bucket() + "/" + object,
        "the object the grant names is the one recopipe writes");
  }

  @Test
  void noRoleIsBasicOrAuthoritative() {
    MODULE
        .resources()
        .forEach(
            (type, byName) -> {
              assertFalse(
                  type.endsWith("_iam_policy") || type.endsWith("_iam_binding"),
                  type + " would replace grants made outside terraform");
              byName.forEach(
                  (name, body) ->
                      assertFalse(
                          Set.of("roles/owner", "roles/editor", "roles/viewer")
                              .contains(String.valueOf(body.get("role"))),
                          type + "." + name + " grants a basic role"));
            });
  }

  @Test
  void bucketIsPrivateVersionedAndExpiresOldPipelineRuns() {
    Map<String, Object> bucket = MODULE.resources("google_storage_bucket").get("recopipe");
    assertEquals(true, bucket.get("uniform_bucket_level_access"));
    assertEquals("enforced", bucket.get("public_access_prevention"));
    assertEquals(List.of(true), TerraformModule.valuesAt(bucket, "versioning.enabled"));
    assertEquals(
        List.of(List.of("pipeline-root/")),
        TerraformModule.valuesAt(bucket, "lifecycle_rule.condition.matches_prefix"));
    assertEquals(
        List.of("var.pipeline_root_retention_days"),
        TerraformModule.valuesAt(bucket, "lifecycle_rule.condition.age"));
    assertEquals(
        List.of("Delete", "Delete"),
        TerraformModule.valuesAt(bucket, "lifecycle_rule.action.type"));
  }

  @Test
  void outputsNameTheServiceUriAndRepositoryUrl() {
    Map<String, Map<String, Object>> outputs = MODULE.blocks("output");
    assertEquals(
        "google_cloud_run_v2_service.serving.uri", outputs.get("service_uri").get("value"));
    assertEquals("local.repository_url", outputs.get("repository_url").get("value"));
    assertTrue(
        outputs
            .keySet()
            .containsAll(
                List.of(
                    "dataset_id",
                    "bucket_url",
                    "pipeline_service_account_email",
                    "serving_service_account_email",
                    "recopipe_config")));
    outputs.forEach((name, body) -> assertTrue(body.containsKey("description"), name));
  }

  private static Set<String> references(boolean skipDeclarations) {
    Set<String> names = new TreeSet<>();
    MODULE
        .texts()
        .forEach(
            (file, text) -> {
              if (!(skipDeclarations && file.equals("variables.tf"))) {
                Matcher m = VAR_REFERENCE.matcher(text.replaceAll("(?m)#.*$", ""));
                while (m.find()) {
                  names.add(m.group(1));
                }
              }
            });
    return names;
  }

  private static Set<String> strings(Object node) {
    Set<String> out = new TreeSet<>();
    if (node instanceof Map<?, ?> map) {
      map.values().forEach(v -> out.addAll(strings(v)));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> out.addAll(strings(v)));
    } else if (node instanceof String s) {
      out.add(s);
    }
    return out;
  }
}
