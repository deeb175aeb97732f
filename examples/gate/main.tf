# The gate example: a staging stack shared by two teams, "payments" and "search", with
# the kind of change a pull request brings: a new payments API server on a previous-
# generation instance with gp2 disks, a ledger volume on gp2, and a large search indexer.
# It plans offline (mock credentials, no data sources), so ids and ARNs are fake strings.
#
# `costgate check --plan examples/gate/plan.json --config examples/gate/costgate.yml`
# blocks it: the payments budget is crossed, CG101 (gp2-volume) is configured to block,
# and the Rego policy denies an instance over $250 a month without a cost-approved tag.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true

  default_tags {
    tags = {
      environment = "staging"
    }
  }
}

locals {
  ami = "ami-0123456789abcdef0"
}

# --- payments -------------------------------------------------------------------------

resource "aws_instance" "payments_api" {
  ami           = local.ami
  instance_type = "m4.2xlarge"

  root_block_device {
    volume_type = "gp2"
    volume_size = 50
  }

  tags = { Name = "payments-api", team = "payments" }
}

resource "aws_ebs_volume" "ledger" {
  availability_zone = "us-east-1a"
  size              = 500
  type              = "gp2"
  tags              = { Name = "payments-ledger", team = "payments" }
}

resource "aws_cloudwatch_log_group" "payments" {
  name = "/payments/api"
  tags = { team = "payments" }
}

# --- search ---------------------------------------------------------------------------

resource "aws_instance" "search_indexer" {
  ami           = local.ami
  instance_type = "m5.4xlarge"

  root_block_device {
    volume_type = "gp3"
    volume_size = 100
  }

  tags = { Name = "search-indexer", team = "search", "cost-approved" = "jdoe" }
}

resource "aws_s3_bucket" "search_snapshots" {
  bucket = "acme-search-snapshots-staging"
  tags   = { team = "search" }
}

resource "aws_eip" "nat" {
  count  = 2
  domain = "vpc"
  tags   = { team = "search" }
}

resource "aws_nat_gateway" "search" {
  count         = 2
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = "subnet-0000000000000000${count.index}"
  tags          = { team = "search" }
}

# --- nobody's -------------------------------------------------------------------------

resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 20
  type              = "gp3"
}
