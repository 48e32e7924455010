# The DOCKER repository recopipe's package step pushes serving images to (Jib, no Docker daemon).

resource "google_artifact_registry_repository" "recopipe" {
  project       = var.project
  location      = var.region
  repository_id = var.repository
  format        = "DOCKER"
  description   = "recopipe serving images (${var.image}:TAG), one per packaged model version."
  labels        = var.labels

  depends_on = [google_project_service.apis]
}
