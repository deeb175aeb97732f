"""Cost Explorer's service names mapped onto costgate's services, as one documented table.

costgate prices by the AWS Price List service code a component's query names (AmazonEC2,
AWSLambda, ...); Cost Explorer groups spend by a display name ("Amazon Elastic Compute Cloud -
Compute", "EC2 - Other", "AmazonCloudWatch"). Several display names can share one code: EC2's
instances bill as "Amazon Elastic Compute Cloud - Compute", while its EBS volumes, NAT gateways,
Elastic IPs and data transfer bill as "EC2 - Other", and costgate prices all of them under
AmazonEC2. Charges of the account rather than of a resource (tax, support plans, Savings Plans
fees) are named as such. A name not in the table is shown as unmapped with its spend, never
dropped. docs/actuals.md prints this table (tests/spend/test_services.py keeps it in step).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ServiceKind(StrEnum):
    """What a Cost Explorer service name is to costgate."""

    SERVICE = "service"  # a service costgate prices (a Price List service code)
    ACCOUNT = "account"  # a charge of the account, not of any resource a plan holds
    UNMAPPED = "unmapped"  # a name this table does not know


@dataclass(frozen=True, slots=True)
class ServiceMapping:
    """One Cost Explorer service name and what it means to costgate."""

    name: str
    kind: ServiceKind
    code: str | None  # the Price List service code for SERVICE, else None


_SERVICES: dict[str, str] = {
    "Amazon Elastic Compute Cloud - Compute": "AmazonEC2",
    "EC2 - Other": "AmazonEC2",
    "Amazon EC2 Container Registry (ECR)": "AmazonECR",
    "Amazon Elastic Container Service": "AmazonECS",
    "Amazon Elastic Container Service for Kubernetes": "AmazonEKS",
    "Amazon Elastic File System": "AmazonEFS",
    "Amazon Elastic Load Balancing": "AWSELB",
    "Amazon Relational Database Service": "AmazonRDS",
    "Amazon DocumentDB (with MongoDB compatibility)": "AmazonDocDB",
    "Amazon Neptune": "AmazonNeptune",
    "Amazon ElastiCache": "AmazonElastiCache",
    "Amazon MemoryDB": "AmazonMemoryDB",
    "Amazon DynamoDB": "AmazonDynamoDB",
    "Amazon Redshift": "AmazonRedshift",
    "Amazon Simple Storage Service": "AmazonS3",
    "Amazon Glacier": "AmazonGlacier",
    "AWS Lambda": "AWSLambda",
    "Amazon Virtual Private Cloud": "AmazonVPC",
    "AmazonCloudWatch": "AmazonCloudWatch",
    "Amazon CloudFront": "AmazonCloudFront",
    "Amazon Route 53": "AmazonRoute53",
    "Amazon API Gateway": "AmazonApiGateway",
    "Amazon Simple Notification Service": "AmazonSNS",
    "Amazon Simple Queue Service": "AWSQueueService",
    "AWS Key Management Service": "awskms",
    "AWS Secrets Manager": "AWSSecretsManager",
    "AWS Step Functions": "AmazonStates",
    "Amazon SageMaker": "AmazonSageMaker",
    "AWS Backup": "AWSBackup",
    "Amazon FSx": "AmazonFSx",
    "AWS Glue": "AWSGlue",
    "Amazon Kinesis": "AmazonKinesis",
    "Amazon Kinesis Firehose": "AmazonKinesisFirehose",
    "Amazon Kinesis Analytics": "AmazonKinesisAnalytics",
    "Amazon Managed Service for Apache Flink": "AmazonKinesisAnalytics",
    "Amazon Managed Streaming for Apache Kafka": "AmazonMSK",
    "Amazon MQ": "AmazonMQ",
    "Amazon OpenSearch Service": "AmazonES",
    "Amazon Elasticsearch Service": "AmazonES",
    "Amazon Managed Workflows for Apache Airflow": "AmazonMWAA",
    "AWS Systems Manager": "AWSSystemsManager",
    "AWS Certificate Manager": "AWSCertificateManager",
    "AWS Config": "AWSConfig",
    "AWS CloudFormation": "AWSCloudFormation",
    "AWS CloudTrail": "AWSCloudTrail",
    "AWS Direct Connect": "AWSDirectConnect",
    "AWS Database Migration Service": "AWSDatabaseMigrationSvc",
    "AWS Data Transfer": "AWSDataTransfer",
    "AWS Global Accelerator": "AWSGlobalAccelerator",
    "AWS Network Firewall": "AWSNetworkFirewall",
    "AWS WAF": "awswaf",
    "AWS Directory Service": "AWSDirectoryService",
    "AWS Transfer Family": "AWSTransfer",
    "CloudWatch Events": "AWSEvents",
    "Amazon EventBridge": "AWSEvents",
    "Amazon Lightsail": "AmazonLightsail",
    "Amazon Managed Grafana": "AmazonGrafana",
    "Amazon Cognito": "AmazonCognito",
    "Amazon Bedrock": "AmazonBedrock",
    "Amazon Athena": "AmazonAthena",
    "AWS App Runner": "AWSAppRunner",
}
"""Cost Explorer SERVICE dimension value -> Price List service code."""

_ACCOUNT: tuple[str, ...] = (
    "Tax",
    "AWS Support (Basic)",
    "AWS Support (Developer)",
    "AWS Support (Business)",
    "AWS Support (Enterprise)",
    "AWS Support (Enterprise On-Ramp)",
    "Savings Plans for AWS Compute usage",
    "Savings Plans for AWS Machine Learning",
    "AWS Cost Explorer",
    "AWS Marketplace",
)
"""Charges of the account: no Terraform resource carries them, so no estimate can."""


def map_service(name: str) -> ServiceMapping:
    """What a Cost Explorer service name is to costgate (UNMAPPED for a name not in the table)."""
    code = _SERVICES.get(name)
    if code is not None:
        return ServiceMapping(name, ServiceKind.SERVICE, code)
    if name in _ACCOUNT:
        return ServiceMapping(name, ServiceKind.ACCOUNT, None)
    return ServiceMapping(name, ServiceKind.UNMAPPED, None)


def mapping_table() -> list[ServiceMapping]:
    """Every name the table knows, services first (sorted by code, then name), then account charges."""
    services = sorted((map_service(n) for n in _SERVICES), key=lambda m: (m.code or "", m.name))
    return services + [map_service(n) for n in _ACCOUNT]


def cost_explorer_names(code: str) -> list[str]:
    """The Cost Explorer names that bill a costgate service code (empty when none is known)."""
    return sorted(n for n, c in _SERVICES.items() if c == code)
