# Two service accounts with least privilege: every grant is on the one resource it is needed for,
# except the two roles that only exist at project level (running BigQuery jobs, using Vertex AI).

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

# Deploys create revisions and move traffic (run.services.update) and read the service's IAM
# policy to refuse a public endpoint (run.services.getIamPolicy). Cloud Run Developer "can get but
# not set IAM policies" (https://cloud.google.com/run/docs/securing/managing-access), so the
# invoker bindings are owned by this module alone (cloud_run.tf).
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

# --- serving ---

resource "google_artifact_registry_repository_iam_member" "serving_pull" {
  project    = var.project
  location   = google_artifact_registry_repository.recopipe.location
  repository = google_artifact_registry_repository.recopipe.name
  role       = "roles/artifactregistry.reader"
  member     = local.serving_member
}

# --- reviewers: people who run models approve/reject --profile gcp or the review server ---
# The pipeline account already writes both tables through its dataset grant. A reviewer needs to
# run query jobs (bigquery.jobs.create), read and write the two review tables with DML
# (bigquery.tables.get/getData/updateData), and deploy the approved version to Cloud Run
# (run.services.get/update/getIamPolicy and actAs on the serving account).

resource "google_project_iam_member" "reviewer_bigquery_jobs" {
  for_each = toset(var.reviewers)
  project  = var.project
  role     = "roles/bigquery.jobUser"
  member   = each.value
}

resource "google_bigquery_table_iam_member" "reviewer_audit_log" {
  for_each   = toset(var.reviewers)
  project    = var.project
  dataset_id = google_bigquery_dataset.recopipe.dataset_id
  table_id   = google_bigquery_table.audit_log.table_id
  role       = "roles/bigquery.dataEditor"
  member     = each.value
}

resource "google_bigquery_table_iam_member" "reviewer_approvals" {
  for_each   = toset(var.reviewers)
  project    = var.project
  dataset_id = google_bigquery_dataset.recopipe.dataset_id
  table_id   = google_bigquery_table.approvals.table_id
  role       = "roles/bigquery.dataEditor"
  member     = each.value
}

resource "google_cloud_run_v2_service_iam_member" "reviewer_deploy" {
  for_each = toset(var.reviewers)
  project  = var.project
  location = google_cloud_run_v2_service.serving.location
  name     = google_cloud_run_v2_service.serving.name
  role     = "roles/run.developer"
  member   = each.value
}

resource "google_service_account_iam_member" "reviewer_acts_as_serving" {
  for_each           = toset(var.reviewers)
  service_account_id = google_service_account.serving.name
  role               = "roles/iam.serviceAccountUser"
  member             = each.value
}
