# The google provider 7.x has every resource below (including Cloud Run v2 deletion_protection);
# it has no Vertex AI schedule resource, so `recopipe schedule add --profile gcp` creates those.
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 7.0"
    }
  }
}

provider "google" {
  project = var.project
  region  = var.region
}
