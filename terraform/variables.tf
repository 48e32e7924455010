# Inputs. Names match the `gcp.*` keys of a recopipe config where they are the same thing
# (project, region, dataset, dataset_location, bucket, repository, image, service, invokers), so
# the `recopipe_config` output can be pasted into a config unchanged.

variable "project" {
  description = "The Google Cloud project id (billing enabled) every resource goes in."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project))
    error_message = "project: 6-30 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Region of Cloud Run, Artifact Registry, the bucket and Vertex AI."
  type        = string
  default     = "europe-west1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region: a region such as europe-west1 (not a zone or multi-region)."
  }
}

variable "dataset" {
  description = "The BigQuery dataset holding ratings, splits, BigQuery ML models and predictions."
  type        = string
  default     = "recopipe"

  validation {
    condition     = can(regex("^[A-Za-z0-9_]{1,1024}$", var.dataset))
    error_message = "dataset must be letters, digits and underscores."
  }
}

variable "dataset_location" {
  description = "The dataset's BigQuery location (EU, US or a region); null: the region."
  type        = string
  default     = null
}

variable "bucket" {
  description = "GCS bucket for bundles, models and pipeline roots; null: PROJECT-recopipe."
  type        = string
  default     = null

  validation {
    condition = (
      var.bucket == null || can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.bucket))
    )
    error_message = "bucket: 3-63 lower-case letters, digits, dots, hyphens or underscores."
  }
}

variable "repository" {
  description = "The Artifact Registry DOCKER repository the serving images go to."
  type        = string
  default     = "recopipe"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}$", var.repository))
    error_message = "repository: lower-case letters, digits and hyphens, from a letter."
  }
}

variable "image" {
  description = "The image name in the repository (recopipe pushes REPOSITORY/IMAGE:TAG)."
  type        = string
  default     = "recopipe"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._/-]*$", var.image))
    error_message = "image: lower-case letters, digits, dots, underscores, hyphens, slashes."
  }
}

variable "service" {
  description = "The Cloud Run service serving predictions; recopipe deploys revisions."
  type        = string
  default     = "recopipe-serving"

  validation {
    condition     = can(regex("^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$", var.service))
    error_message = "service: under 50 lower-case letters, digits or hyphens, from a letter."
  }
}

variable "placeholder_image" {
  description = "The service's image until `recopipe run --profile gcp` deploys a model."
  type        = string
  default     = "us-docker.pkg.dev/cloudrun/container/hello"
}

variable "invokers" {
  description = "Principals granted roles/run.invoker, e.g. [\"serviceAccount:app@P.iam...\"]."
  type        = list(string)
  default     = []

  validation {
    condition = alltrue([
      for member in var.invokers : can(regex("^(user|serviceAccount|group|domain):.+$", member))
    ])
    error_message = "invokers: user:, serviceAccount:, group:, domain: only; allUsers is refused."
  }
}

variable "pipeline_service_account_id" {
  description = "Account id of the service account pipelines (Vertex AI jobs) run as."
  type        = string
  default     = "recopipe-pipeline"

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{4,28}[a-z0-9])$", var.pipeline_service_account_id))
    error_message = "pipeline_service_account_id: 6-30 lower-case letters, digits, hyphens."
  }
}

variable "serving_service_account_id" {
  description = "The account id of the service account the Cloud Run service runs as."
  type        = string
  default     = "recopipe-serving"

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{4,28}[a-z0-9])$", var.serving_service_account_id))
    error_message = "serving_service_account_id: 6-30 lower-case letters, digits, hyphens."
  }
}

variable "pipeline_root_retention_days" {
  description = "Days before Vertex run artifacts under gs://BUCKET/pipeline-root/ go."
  type        = number
  default     = 30

  validation {
    condition     = var.pipeline_root_retention_days >= 1
    error_message = "pipeline_root_retention_days must be at least 1."
  }
}

variable "noncurrent_versions_kept" {
  description = "Older versions of each bucket object that versioning keeps."
  type        = number
  default     = 3

  validation {
    condition     = var.noncurrent_versions_kept >= 1
    error_message = "noncurrent_versions_kept must be at least 1."
  }
}

variable "destroy_data" {
  description = "Whether `terraform destroy` may delete a non-empty bucket and dataset."
  type        = bool
  default     = false
}

variable "labels" {
  description = "Labels on the dataset, bucket, repository and service (billing reports)."
  type        = map(string)
  default     = { app = "recopipe" }
}

variable "reviewers" {
  description = "People who approve or reject models on Google Cloud, e.g. [\"user:alice@example.com\"]."
  type        = list(string)
  default     = []

  validation {
    condition = alltrue([
      for member in var.reviewers : can(regex("^(user|group):.+$", member))
    ])
    error_message = "reviewers: user: or group: only (a reviewer is a person)."
  }
}

variable "submitters" {
  description = "Who runs recopipe submit and schedule add, e.g. [\"group:ml@example.com\"]."
  type        = list(string)
  default     = []

  validation {
    condition = alltrue([
      for member in var.submitters : can(regex("^(user|group|serviceAccount):.+$", member))
    ])
    error_message = "submitters: user:, group: or serviceAccount: only (no domain or public)."
  }
}

variable "operators" {
  description = "Who runs recopipe run --profile gcp as the pipeline account, e.g. [\"user:bo@example.com\"]."
  type        = list(string)
  default     = []

  validation {
    condition = alltrue([
      for member in var.operators : can(regex("^(user|group|serviceAccount):.+$", member))
    ])
    error_message = "operators: user:, group: or serviceAccount: only (no domain or public)."
  }
}
