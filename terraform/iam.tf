# Two service accounts and the people who operate, review or submit, each with least privilege: every grant
# is on the one resource it is needed for, except what only exists at project level (running
# BigQuery jobs, using Vertex AI, reading Cloud Run operations).

resource "google_service_account" "pipeline" {
  project      = var.project
  account_id   = var.pipeline_service_account_id
  display_name = "recopipe pipeline"
  description  = "Runs recopipe pipelines: BigQuery ML, GCS, image pushes, Cloud Run deploys."

  depends_on = [google_project_service.apis]
}

resource "google_service_account" "serving" {
  project      = var.project
  account_id   = var.serving_service_account_id
  display_name = "recopipe serving"
  description  = "Identity of the recopipe Cloud Run service; it can only pull its own images."

  depends_on = [google_project_service.apis]
}

# --- pipeline: project level (these roles have no narrower resource) ---

resource "google_project_iam_member" "pipeline_vertex" {
  project = var.project
  role    = "roles/aiplatform.user"
  member  = local.pipeline_member
}

resource "google_project_iam_member" "pipeline_bigquery_jobs" {
  project = var.project
  role    = "roles/bigquery.jobUser"
  member  = local.pipeline_member
}

# --- pipeline: one resource each ---

resource "google_bigquery_dataset_iam_member" "pipeline_data" {
  project    = var.project
  dataset_id = google_bigquery_dataset.recopipe.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = local.pipeline_member
}

resource "google_storage_bucket_iam_member" "pipeline_objects" {
  bucket = google_storage_bucket.recopipe.name
  role   = "roles/storage.objectAdmin"
  member = local.pipeline_member
}

resource "google_artifact_registry_repository_iam_member" "pipeline_push" {
  project    = var.project
  location   = google_artifact_registry_repository.recopipe.location
  repository = google_artifact_registry_repository.recopipe.name
  role       = "roles/artifactregistry.writer"
  member     = local.pipeline_member
}

# Deploys create revisions and move traffic (run.services.update), read the service's IAM policy
# to refuse a public endpoint (run.services.getIamPolicy) and, when a Vertex job releases, list the
# service's revisions to find the one the job staged (run.revisions.list, checked on the service:
# https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services.revisions/list).
# The role holds all three. Cloud Run Developer "can get but not set IAM policies"
# (https://cloud.google.com/run/docs/securing/managing-access), so the invoker bindings are owned
# by this module alone (cloud_run.tf).
resource "google_cloud_run_v2_service_iam_member" "pipeline_deploy" {
  project  = var.project
  location = google_cloud_run_v2_service.serving.location
  name     = google_cloud_run_v2_service.serving.name
  role     = "roles/run.developer"
  member   = local.pipeline_member
}

# Deploying a revision that runs as the serving account needs actAs on that account only.
resource "google_service_account_iam_member" "pipeline_acts_as_serving" {
  service_account_id = google_service_account.serving.name
  role               = "roles/iam.serviceAccountUser"
  member             = local.pipeline_member
}

# A deploy waits for each service update by polling its long-running operation. Operations are
# resources of the location (projects/P/locations/L/operations/O), not of the service, and a grant
# on a resource reaches only it and its descendants, so roles/run.developer on the service does not
# cover run.operations.get (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.operations/get,
# https://cloud.google.com/iam/docs/resource-hierarchy-access-control). This role holds exactly that.
resource "google_project_iam_custom_role" "run_operations" {
  project     = var.project
  role_id     = "recopipeRunOperationsReader"
  title       = "recopipe Cloud Run operation reader"
  description = "Polls the Cloud Run operations a recopipe deploy starts."
  permissions = ["run.operations.get"]

  depends_on = [google_project_service.apis]
}

resource "google_project_iam_member" "pipeline_run_operations" {
  project = var.project
  role    = google_project_iam_custom_role.run_operations.name
  member  = local.pipeline_member
}

# --- serving ---

resource "google_artifact_registry_repository_iam_member" "serving_pull" {
  project    = var.project
  location   = google_artifact_registry_repository.recopipe.location
  repository = google_artifact_registry_repository.recopipe.name
  role       = "roles/artifactregistry.reader"
  member     = local.serving_member
}

# --- reviewers: people who run models approve/reject --profile gcp or the review server ---
# The pipeline account already writes both tables through its dataset grant. A reviewer runs query
# jobs (bigquery.jobs.create) that read and write the two review tables with DML, moves the audit
# log's head anchor, moves the registry's aliases, and deploys the approved version to Cloud Run
# (run.services.get/update/getIamPolicy, its operations, and actAs on the serving account).

locals {
  # The review tables and the role a reviewer gets on each (table => role).
  reviewer_table_roles = {
    audit_log = "roles/bigquery.dataEditor"
    approvals = "roles/bigquery.dataEditor"
  }
  reviewer_table_grants = {
    for pair in setproduct(keys(local.reviewer_table_roles), var.reviewers) :
    join(" ", pair) => { table = pair[0], role = local.reviewer_table_roles[pair[0]], member = pair[1] }
  }
  # The one object reviewers write in the bucket: the audit log's head anchor.
  audit_anchor_object = "audit/${google_bigquery_dataset.recopipe.dataset_id}/${google_bigquery_table.audit_log.table_id}.head.json"
}

resource "google_project_iam_member" "reviewer_bigquery_jobs" {
  for_each = toset(var.reviewers)
  project  = var.project
  role     = "roles/bigquery.jobUser"
  member   = each.value
}

resource "google_bigquery_table_iam_member" "reviewer_tables" {
  for_each   = local.reviewer_table_grants
  project    = var.project
  dataset_id = google_bigquery_dataset.recopipe.dataset_id
  table_id   = each.value.table
  role       = each.value.role
  member     = each.value.member

  depends_on = [google_bigquery_table.audit_log, google_bigquery_table.approvals]
}

# Moving the anchor reads and overwrites one object (storage.objects.get, create, and delete to
# overwrite), so the grant is conditioned on that object's name (uniform bucket-level access is on,
# which IAM conditions on buckets require: https://cloud.google.com/storage/docs/access-control/iam#conditions).
# An object's name in a condition reads projects/_/buckets/BUCKET/objects/OBJECT, as in Google's
# example resource.name.startsWith("projects/_/buckets/bucket-name/objects/prefix-a-")
# (https://cloud.google.com/ruby/docs/reference/google-cloud-storage/1.48.0/Google-Cloud-Storage-Policy-Condition).
resource "google_storage_bucket_iam_member" "reviewer_audit_anchor" {
  for_each = toset(var.reviewers)
  bucket   = google_storage_bucket.recopipe.name
  role     = "roles/storage.objectUser"
  member   = each.value

  condition {
    title       = "recopipe audit head anchor"
    description = "Only the audit log's head anchor object."
    expression  = "resource.name == \"projects/_/buckets/${google_storage_bucket.recopipe.name}/objects/${local.audit_anchor_object}\""
  }
}

# An approval moves the registry's champion and previous aliases and labels the versions
# (GetModel, ListModelVersions, MergeVersionAliases, UpdateModel); nothing else of Vertex AI.
resource "google_project_iam_custom_role" "model_promoter" {
  project     = var.project
  role_id     = "recopipeModelPromoter"
  title       = "recopipe model promoter"
  description = "Reads model versions and moves their aliases and labels in the Model Registry."
  permissions = ["aiplatform.models.get", "aiplatform.models.list", "aiplatform.models.update"]

  depends_on = [google_project_service.apis]
}

resource "google_project_iam_member" "reviewer_model_registry" {
  for_each = toset(var.reviewers)
  project  = var.project
  role     = google_project_iam_custom_role.model_promoter.name
  member   = each.value
}

resource "google_cloud_run_v2_service_iam_member" "reviewer_deploy" {
  for_each = toset(var.reviewers)
  project  = var.project
  location = google_cloud_run_v2_service.serving.location
  name     = google_cloud_run_v2_service.serving.name
  role     = "roles/run.developer"
  member   = each.value
}

resource "google_project_iam_member" "reviewer_run_operations" {
  for_each = toset(var.reviewers)
  project  = var.project
  role     = google_project_iam_custom_role.run_operations.name
  member   = each.value
}

resource "google_service_account_iam_member" "reviewer_acts_as_serving" {
  for_each           = toset(var.reviewers)
  service_account_id = google_service_account.serving.name
  role               = "roles/iam.serviceAccountUser"
  member             = each.value
}

# --- submitters: people or CI accounts who run recopipe submit and schedule add --profile gcp ---
# Creating a pipeline job or a schedule needs aiplatform.pipelineJobs.create and
# aiplatform.schedules.create (Vertex AI User) and, because the job runs as the pipeline account,
# actAs on that account alone (https://cloud.google.com/vertex-ai/docs/pipelines/configure-project#service-account).

resource "google_project_iam_member" "submitter_vertex" {
  for_each = toset(var.submitters)
  project  = var.project
  role     = "roles/aiplatform.user"
  member   = each.value
}

resource "google_service_account_iam_member" "submitter_acts_as_pipeline" {
  for_each           = toset(var.submitters)
  service_account_id = google_service_account.pipeline.name
  role               = "roles/iam.serviceAccountUser"
  member             = each.value
}

# --- operators: people who run `recopipe run --profile gcp` from their machine ---
# They run as the pipeline account, so every call is one its grants above already cover: they log
# in with `gcloud auth application-default login --impersonate-service-account=PIPELINE_SA_EMAIL`
# (https://cloud.google.com/docs/authentication/use-service-account-impersonation#adc), which needs
# iam.serviceAccounts.getAccessToken on that account; roles/iam.serviceAccountTokenCreator holds it
# (https://cloud.google.com/docs/authentication/use-service-account-impersonation#required-roles,
# https://cloud.google.com/iam/docs/roles-permissions/iam#iam.serviceAccountTokenCreator). It is
# granted on the pipeline account alone, never on the project (which would reach every account).

resource "google_service_account_iam_member" "operator_impersonates_pipeline" {
  for_each           = toset(var.operators)
  service_account_id = google_service_account.pipeline.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = each.value
}
