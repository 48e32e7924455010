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

# The gcp profile's audit log: append-only by convention, tamper-evident by its hash chain (each
# row's hash covers the previous row's). IAM cannot forbid DML DELETE to a writer, so the chain,
# not the grant, is what detects an edited or deleted row (recopipe audit verify --profile gcp).
resource "google_bigquery_table" "audit_log" {
  project             = var.project
  dataset_id          = google_bigquery_dataset.recopipe.dataset_id
  table_id            = "audit_log"
  description         = "recopipe audit log: one hash-chained row per approval, deploy and promotion."
  deletion_protection = !var.destroy_data
  labels              = var.labels

  schema = jsonencode([
    { name = "seq", type = "INT64", mode = "REQUIRED", description = "1, 2, ... with no gaps" },
    { name = "at", type = "STRING", mode = "REQUIRED", description = "When, as hashed (ISO-8601)" },
    { name = "actor", type = "STRING", mode = "REQUIRED", description = "Reviewer or system:..." },
    { name = "action", type = "STRING", mode = "REQUIRED", description = "approve, reject, deploy, ..." },
    { name = "subject", type = "STRING", mode = "REQUIRED", description = "e.g. movielens-mf/v3" },
    { name = "detail", type = "STRING", mode = "REQUIRED", description = "Canonical JSON object" },
    { name = "prev_hash", type = "STRING", mode = "REQUIRED", description = "Previous row's hash" },
    { name = "hash", type = "STRING", mode = "REQUIRED", description = "SHA-256 of prev_hash and this row" },
  ])
}

# The gcp profile's approval requests: one row per model version, changed only by conditional DML
# (a decision updates a row only while it is PENDING), each change audited in audit_log.
resource "google_bigquery_table" "approvals" {
  project             = var.project
  dataset_id          = google_bigquery_dataset.recopipe.dataset_id
  table_id            = "approvals"
  description         = "recopipe approval requests of model versions awaiting review."
  deletion_protection = !var.destroy_data
  labels              = var.labels

  schema = jsonencode([
    { name = "pipeline", type = "STRING", mode = "REQUIRED" },
    { name = "version", type = "INT64", mode = "REQUIRED" },
    { name = "run_id", type = "STRING", mode = "REQUIRED" },
    { name = "state", type = "STRING", mode = "REQUIRED", description = "PENDING, APPROVED, REJECTED or EXPIRED" },
    { name = "requested_at", type = "STRING", mode = "REQUIRED" },
    { name = "expires_at", type = "STRING", mode = "REQUIRED" },
    { name = "started_by", type = "STRING", mode = "REQUIRED", description = "Four-eyes: never the approver" },
    { name = "decided_by", type = "STRING", mode = "NULLABLE" },
    { name = "decided_at", type = "STRING", mode = "NULLABLE" },
    { name = "comment", type = "STRING", mode = "NULLABLE" },
  ])
}
