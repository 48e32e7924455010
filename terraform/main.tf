# Derived names shared by several files, and the APIs every other resource needs.

locals {
  bucket           = coalesce(var.bucket, "${var.project}-recopipe")
  dataset_location = coalesce(var.dataset_location, var.region)
  registry_host    = "${var.region}-docker.pkg.dev"
  repository_url   = "${local.registry_host}/${var.project}/${google_artifact_registry_repository.recopipe.repository_id}"
  pipeline_member  = "serviceAccount:${google_service_account.pipeline.email}"
  serving_member   = "serviceAccount:${google_service_account.serving.email}"
}

# Enabled but never disabled on destroy: other workloads in the project may rely on them.
resource "google_project_service" "apis" {
  for_each = toset([
    "aiplatform.googleapis.com",
    "artifactregistry.googleapis.com",
    "bigquery.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com", # operators' impersonation tokens
    "run.googleapis.com",
    "storage.googleapis.com",
  ])

  project            = var.project
  service            = each.value
  disable_on_destroy = false
}
