# The warehouse: ingest writes ratings and splits here; BigQuery ML trains, evaluates and exports.

resource "google_bigquery_dataset" "recopipe" {
  project                    = var.project
  dataset_id                 = var.dataset
  location                   = local.dataset_location
  description                = "recopipe ratings, splits, BigQuery ML models and their predictions."
  delete_contents_on_destroy = var.destroy_data
  labels                     = var.labels

  depends_on = [google_project_service.apis]
}
