# Bundles (gs://BUCKET/artifacts, kept), exported SavedModels and Vertex pipeline roots
# (gs://BUCKET/pipeline-root, expiring). Never public.

resource "google_storage_bucket" "recopipe" {
  project                     = var.project
  name                        = local.bucket
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = var.destroy_data
  labels                      = var.labels

  versioning {
    enabled = true
  }

  # Vertex writes every run's artifacts under the pipeline root; old runs are only history.
  lifecycle_rule {
    condition {
      age            = var.pipeline_root_retention_days
      matches_prefix = ["pipeline-root/"]
    }
    action {
      type = "Delete"
    }
  }

  # Versioning keeps overwritten bundles recoverable, but only the last few.
  lifecycle_rule {
    condition {
      with_state         = "ARCHIVED"
      num_newer_versions = var.noncurrent_versions_kept
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.apis]
}
