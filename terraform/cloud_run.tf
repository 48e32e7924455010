# The prediction endpoint. Terraform creates it with a placeholder image; `recopipe run --profile
# gcp` deploys each blessed model as a new revision, so terraform ignores the template and traffic
# it changes. Private: only var.invokers get roles/run.invoker, and these bindings are the only
# writer of the service's invoker policy (deploys read it and refuse a public or incomplete one).

resource "google_cloud_run_v2_service" "serving" {
  project             = var.project
  name                = var.service
  location            = var.region
  deletion_protection = false
  ingress             = "INGRESS_TRAFFIC_ALL"
  labels              = var.labels

  template {
    service_account = google_service_account.serving.email

    containers {
      image = var.placeholder_image
    }
  }

  lifecycle {
    ignore_changes = [template, traffic, client, client_version]
  }

  depends_on = [google_project_service.apis]
}

resource "google_cloud_run_v2_service_iam_member" "invokers" {
  for_each = toset(var.invokers)

  project  = var.project
  location = google_cloud_run_v2_service.serving.location
  name     = google_cloud_run_v2_service.serving.name
  role     = "roles/run.invoker"
  member   = each.value
}
