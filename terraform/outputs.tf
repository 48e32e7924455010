# What recopipe needs to know about the resources, ending with a ready-to-paste config section.

output "dataset_id" {
  description = "The BigQuery dataset, as PROJECT:DATASET."
  value       = "${var.project}:${google_bigquery_dataset.recopipe.dataset_id}"
}

output "bucket_url" {
  description = "The artifacts bucket."
  value       = google_storage_bucket.recopipe.url
}

output "pipeline_root" {
  description = "Where Vertex AI writes run artifacts (kept pipeline_root_retention_days)."
  value       = "${google_storage_bucket.recopipe.url}/pipeline-root"
}

output "repository_url" {
  description = "The Artifact Registry repository, REGION-docker.pkg.dev/PROJECT/REPOSITORY."
  value       = local.repository_url
}

output "image_repository" {
  description = "The serving image without tag, as recopipe pushes it."
  value       = "${local.repository_url}/${var.image}"
}

output "service_uri" {
  description = "The Cloud Run service URL (private: call it with an identity token of an invoker)."
  value       = google_cloud_run_v2_service.serving.uri
}

output "pipeline_service_account_email" {
  description = "The pipeline service account."
  value       = google_service_account.pipeline.email
}

output "serving_service_account_email" {
  description = "The serving service account."
  value       = google_service_account.serving.email
}

output "recopipe_config" {
  description = "Paste into your recopipe config (YAML) to use these resources with --profile gcp."
  value       = <<-EOT
    gcp:
      project: ${var.project}
      region: ${var.region}
      dataset: ${google_bigquery_dataset.recopipe.dataset_id}
      dataset_location: ${google_bigquery_dataset.recopipe.location}
      bucket: ${google_storage_bucket.recopipe.name}
      repository: ${google_artifact_registry_repository.recopipe.repository_id}
      image: ${var.image}
      service: ${google_cloud_run_v2_service.serving.name}
      pipeline_service_account: ${google_service_account.pipeline.email}
      serving_service_account: ${google_service_account.serving.email}
      invokers: ${jsonencode(var.invokers)}
  EOT
}
