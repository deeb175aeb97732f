"""The catalog's service names as FOCUS ServiceName and ServiceCategory.

The catalog keys prices by the cloud's own service code (AWS `AmazonEC2`, Azure `Virtual
Machines`, GCP `Compute Engine`); FOCUS wants the service's name and one of its fixed
categories (FOCUS 1.2, column ServiceCategory: allowed values). A test checks that every
service in pricing_data/ is listed here; a service fetched later and not listed keeps its code
as its name and the category "Other" (the spec's value for a service no category fits).
"""

from __future__ import annotations

SERVICES: dict[tuple[str, str], tuple[str, str]] = {
    # AWS: service code -> (name, category)
    ("aws", "AWSAppRunner"): ("AWS App Runner", "Compute"),
    ("aws", "AWSBackup"): ("AWS Backup", "Storage"),
    ("aws", "AWSCertificateManager"): ("AWS Certificate Manager", "Security"),
    ("aws", "AWSCloudFormation"): ("AWS CloudFormation", "Management and Governance"),
    ("aws", "AWSCloudTrail"): ("AWS CloudTrail", "Management and Governance"),
    ("aws", "AWSConfig"): ("AWS Config", "Management and Governance"),
    ("aws", "AWSDataTransfer"): ("AWS Data Transfer", "Networking"),
    ("aws", "AWSDatabaseMigrationSvc"): ("AWS Database Migration Service", "Migration"),
    ("aws", "AWSDirectConnect"): ("AWS Direct Connect", "Networking"),
    ("aws", "AWSDirectoryService"): ("AWS Directory Service", "Identity"),
    ("aws", "AWSELB"): ("Elastic Load Balancing", "Networking"),
    ("aws", "AWSEvents"): ("Amazon EventBridge", "Integration"),
    ("aws", "AWSGlobalAccelerator"): ("AWS Global Accelerator", "Networking"),
    ("aws", "AWSGlue"): ("AWS Glue", "Analytics"),
    ("aws", "AWSLambda"): ("AWS Lambda", "Compute"),
    ("aws", "AWSNetworkFirewall"): ("AWS Network Firewall", "Security"),
    ("aws", "AWSQueueService"): ("Amazon Simple Queue Service", "Integration"),
    ("aws", "AWSSecretsManager"): ("AWS Secrets Manager", "Security"),
    ("aws", "AWSSystemsManager"): ("AWS Systems Manager", "Management and Governance"),
    ("aws", "AWSTransfer"): ("AWS Transfer Family", "Migration"),
    ("aws", "AmazonApiGateway"): ("Amazon API Gateway", "Web"),
    ("aws", "AmazonCloudFront"): ("Amazon CloudFront", "Networking"),
    ("aws", "AmazonCloudWatch"): ("Amazon CloudWatch", "Management and Governance"),
    ("aws", "AmazonDocDB"): ("Amazon DocumentDB", "Databases"),
    ("aws", "AmazonDynamoDB"): ("Amazon DynamoDB", "Databases"),
    ("aws", "AmazonEC2"): ("Amazon Elastic Compute Cloud", "Compute"),
    ("aws", "AmazonECR"): ("Amazon Elastic Container Registry", "Compute"),
    ("aws", "AmazonECS"): ("Amazon Elastic Container Service", "Compute"),
    ("aws", "AmazonEFS"): ("Amazon Elastic File System", "Storage"),
    ("aws", "AmazonEKS"): ("Amazon Elastic Kubernetes Service", "Compute"),
    ("aws", "AmazonES"): ("Amazon OpenSearch Service", "Analytics"),
    ("aws", "AmazonElastiCache"): ("Amazon ElastiCache", "Databases"),
    ("aws", "AmazonFSx"): ("Amazon FSx", "Storage"),
    ("aws", "AmazonGlacier"): ("Amazon S3 Glacier", "Storage"),
    ("aws", "AmazonGrafana"): ("Amazon Managed Grafana", "Management and Governance"),
    ("aws", "AmazonKinesis"): ("Amazon Kinesis Data Streams", "Analytics"),
    ("aws", "AmazonKinesisAnalytics"): ("Amazon Managed Service for Apache Flink", "Analytics"),
    ("aws", "AmazonKinesisFirehose"): ("Amazon Data Firehose", "Analytics"),
    ("aws", "AmazonMQ"): ("Amazon MQ", "Integration"),
    ("aws", "AmazonMSK"): ("Amazon Managed Streaming for Apache Kafka", "Analytics"),
    ("aws", "AmazonMWAA"): ("Amazon Managed Workflows for Apache Airflow", "Integration"),
    ("aws", "AmazonNeptune"): ("Amazon Neptune", "Databases"),
    ("aws", "AmazonRDS"): ("Amazon Relational Database Service", "Databases"),
    ("aws", "AmazonRedshift"): ("Amazon Redshift", "Analytics"),
    ("aws", "AmazonRoute53"): ("Amazon Route 53", "Networking"),
    ("aws", "AmazonS3"): ("Amazon Simple Storage Service", "Storage"),
    ("aws", "AmazonS3GlacierDeepArchive"): ("Amazon S3 Glacier Deep Archive", "Storage"),
    ("aws", "AmazonSNS"): ("Amazon Simple Notification Service", "Integration"),
    ("aws", "AmazonStates"): ("AWS Step Functions", "Integration"),
    ("aws", "AmazonVPC"): ("Amazon Virtual Private Cloud", "Networking"),
    ("aws", "CodeBuild"): ("AWS CodeBuild", "Developer Tools"),
    ("aws", "awskms"): ("AWS Key Management Service", "Security"),
    ("aws", "awswaf"): ("AWS WAF", "Security"),
    # Azure: serviceName is already the name
    ("azure", "API Management"): ("API Management", "Integration"),
    ("azure", "Advanced Threat Protection"): ("Microsoft Defender for Cloud", "Security"),
    ("azure", "Application Gateway"): ("Application Gateway", "Networking"),
    ("azure", "Automation"): ("Automation", "Management and Governance"),
    ("azure", "Azure Active Directory Domain Services"): ("Azure Active Directory Domain Services", "Identity"),
    ("azure", "Azure App Service"): ("Azure App Service", "Web"),
    ("azure", "Azure Bastion"): ("Azure Bastion", "Networking"),
    ("azure", "Azure Cognitive Search"): ("Azure Cognitive Search", "AI and Machine Learning"),
    ("azure", "Azure Cosmos DB"): ("Azure Cosmos DB", "Databases"),
    ("azure", "Azure DDOS Protection"): ("Azure DDOS Protection", "Security"),
    ("azure", "Azure Data Factory v2"): ("Azure Data Factory v2", "Integration"),
    ("azure", "Azure Database for PostgreSQL"): ("Azure Database for PostgreSQL", "Databases"),
    ("azure", "Azure Databricks"): ("Azure Databricks", "Analytics"),
    ("azure", "Azure Kubernetes Service"): ("Azure Kubernetes Service", "Compute"),
    ("azure", "Azure Monitor"): ("Azure Monitor", "Management and Governance"),
    ("azure", "Azure Synapse Analytics"): ("Azure Synapse Analytics", "Analytics"),
    ("azure", "Cognitive Services"): ("Cognitive Services", "AI and Machine Learning"),
    ("azure", "Container Registry"): ("Container Registry", "Compute"),
    ("azure", "Event Grid"): ("Event Grid", "Integration"),
    ("azure", "Event Hubs"): ("Event Hubs", "Analytics"),
    ("azure", "Functions"): ("Functions", "Compute"),
    ("azure", "Key Vault"): ("Key Vault", "Security"),
    ("azure", "Load Balancer"): ("Load Balancer", "Networking"),
    ("azure", "Logic Apps"): ("Logic Apps", "Integration"),
    ("azure", "Microsoft Defender for Cloud"): ("Microsoft Defender for Cloud", "Security"),
    ("azure", "NAT Gateway"): ("NAT Gateway", "Networking"),
    ("azure", "Notification Hubs"): ("Notification Hubs", "Mobile"),
    ("azure", "Redis Cache"): ("Redis Cache", "Databases"),
    ("azure", "SQL Database"): ("SQL Database", "Databases"),
    ("azure", "SQL Managed Instance"): ("SQL Managed Instance", "Databases"),
    ("azure", "Service Bus"): ("Service Bus", "Integration"),
    ("azure", "SignalR"): ("SignalR", "Web"),
    ("azure", "Storage"): ("Storage", "Storage"),
    ("azure", "Traffic Manager"): ("Traffic Manager", "Networking"),
    ("azure", "Virtual Machines"): ("Virtual Machines", "Compute"),
    ("azure", "Virtual Network"): ("Virtual Network", "Networking"),
    ("azure", "Virtual WAN"): ("Virtual WAN", "Networking"),
    # Google Cloud: the Cloud Billing Catalog's service display name
    ("google", "AlloyDB for PostgreSQL"): ("AlloyDB for PostgreSQL", "Databases"),
    ("google", "Artifact Registry"): ("Artifact Registry", "Developer Tools"),
    ("google", "BigQuery"): ("BigQuery", "Analytics"),
    ("google", "Cloud Composer"): ("Cloud Composer", "Integration"),
    ("google", "Cloud DNS"): ("Cloud DNS", "Networking"),
    ("google", "Cloud Key Management Service (KMS)"): ("Cloud Key Management Service (KMS)", "Security"),
    ("google", "Cloud Logging"): ("Cloud Logging", "Management and Governance"),
    ("google", "Cloud Memorystore for Memcached"): ("Cloud Memorystore for Memcached", "Databases"),
    ("google", "Cloud Memorystore for Redis"): ("Cloud Memorystore for Redis", "Databases"),
    ("google", "Cloud Monitoring"): ("Cloud Monitoring", "Management and Governance"),
    ("google", "Cloud Pub/Sub"): ("Cloud Pub/Sub", "Integration"),
    ("google", "Cloud Run"): ("Cloud Run", "Compute"),
    ("google", "Cloud Run Functions"): ("Cloud Run Functions", "Compute"),
    ("google", "Cloud SQL"): ("Cloud SQL", "Databases"),
    ("google", "Cloud Spanner"): ("Cloud Spanner", "Databases"),
    ("google", "Cloud Storage"): ("Cloud Storage", "Storage"),
    ("google", "Compute Engine"): ("Compute Engine", "Compute"),
    ("google", "Kubernetes Engine"): ("Kubernetes Engine", "Compute"),
    ("google", "Secret Manager"): ("Secret Manager", "Security"),
}
"""(provider, catalog service) -> (FOCUS ServiceName, FOCUS ServiceCategory)."""

PROVIDERS: dict[str, str] = {"aws": "Amazon Web Services", "azure": "Microsoft", "google": "Google Cloud"}
"""costgate's provider key -> FOCUS ProviderName, PublisherName and InvoiceIssuerName (a direct purchase)."""


AWS_FAMILY_CATEGORIES: dict[str, str] = {
    "Storage": "Storage",
    "Storage Snapshot": "Storage",
    "System Operation": "Storage",
    "Provisioned Throughput": "Storage",
    "NAT Gateway": "Networking",
    "IP Address": "Networking",
    "Data Transfer": "Networking",
    "Load Balancer": "Networking",
    "Load Balancer-Application": "Networking",
    "Load Balancer-Network": "Networking",
    "VpcEndpoint": "Networking",
    "VPN Connection": "Networking",
}
"""AWS product families whose category is not their service's: EBS volumes and snapshots are
billed under AmazonEC2 but are storage; NAT gateways, addresses and transfer are networking."""


def service_of(provider: str, service: str, family: str | None = None) -> tuple[str, str]:
    """FOCUS (ServiceName, ServiceCategory) of a catalog service (and product family); unknown:
    (its code, "Other")."""
    name, category = SERVICES.get((provider, service), (service, "Other"))
    if provider == "aws" and family in AWS_FAMILY_CATEGORIES:
        category = AWS_FAMILY_CATEGORIES[family]
    return name, category
