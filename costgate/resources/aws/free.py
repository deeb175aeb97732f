"""AWS resource types AWS does not bill for.

A type is free when AWS charges nothing for the resource itself: configuration (IAM, security
groups, routes, policies, listeners), attachments and associations, and containers of settings
(parameter and subnet groups, task definitions, launch templates). What such a resource sets up
may cost, and is priced on the resource that bills it: instances launched from a launch template
on their autoscaling group, Fargate tasks of a task definition on their ECS service, log storage on
the log group, routed traffic on the gateway or endpoint that carries it.

Kept out on purpose, because AWS bills some uses of them: aws_ssm_parameter (advanced tier),
aws_lambda_event_source_mapping (provisioned poller mode), aws_cloudwatch_log_metric_filter (custom
metrics), aws_flow_log (vended log delivery), aws_network_interface (public IPv4),
aws_vpc_endpoint_subnet_association (one more endpoint network interface), aws_acm_certificate
(private certificates), aws_s3_object (storage), aws_s3_bucket_analytics_configuration,
aws_s3_bucket_inventory, aws_s3_bucket_metric, aws_s3_bucket_accelerate_configuration,
aws_s3_bucket_replication_configuration, aws_lb_trust_store, aws_sns_topic_subscription,
aws_route53_record (queries) and aws_service_discovery_* (hosted zones, instances).
"""

from __future__ import annotations

FREE_TYPES: frozenset[str] = frozenset({
    # IAM
    "aws_iam_role", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_role_policy_attachment",
    "aws_iam_user", "aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_group",
    "aws_iam_group_policy", "aws_iam_group_policy_attachment", "aws_iam_group_membership",
    "aws_iam_user_group_membership", "aws_iam_policy_attachment", "aws_iam_instance_profile",
    "aws_iam_access_key", "aws_iam_service_linked_role", "aws_iam_openid_connect_provider",
    "aws_iam_saml_provider", "aws_iam_account_password_policy", "aws_iam_account_alias",
    "aws_iam_user_login_profile", "aws_iam_user_ssh_key", "aws_iam_server_certificate",
    "aws_iam_signing_certificate", "aws_iam_virtual_mfa_device", "aws_iam_service_specific_credential",
    # VPC: networks, routing, gateways without an hourly charge, ACLs, DHCP, peering
    "aws_vpc", "aws_default_vpc", "aws_subnet", "aws_default_subnet", "aws_route_table",
    "aws_default_route_table", "aws_route_table_association", "aws_main_route_table_association",
    "aws_route", "aws_internet_gateway", "aws_internet_gateway_attachment",
    "aws_egress_only_internet_gateway", "aws_network_acl", "aws_default_network_acl",
    "aws_network_acl_rule", "aws_network_acl_association", "aws_vpc_dhcp_options",
    "aws_default_vpc_dhcp_options", "aws_vpc_dhcp_options_association", "aws_vpc_peering_connection",
    "aws_vpc_peering_connection_accepter", "aws_vpc_peering_connection_options",
    "aws_vpc_ipv4_cidr_block_association", "aws_vpc_ipv6_cidr_block_association",
    "aws_vpc_endpoint_route_table_association", "aws_vpc_endpoint_policy",
    "aws_vpc_endpoint_security_group_association", "aws_vpc_endpoint_service",
    "aws_vpc_endpoint_service_allowed_principal", "aws_vpc_endpoint_connection_notification",
    "aws_vpc_endpoint_connection_accepter", "aws_ec2_managed_prefix_list",
    "aws_ec2_managed_prefix_list_entry", "aws_customer_gateway", "aws_vpn_gateway",
    "aws_vpn_gateway_attachment", "aws_vpn_gateway_route_propagation", "aws_vpn_connection_route",
    "aws_ec2_transit_gateway", "aws_ec2_transit_gateway_route", "aws_ec2_transit_gateway_route_table",
    "aws_ec2_transit_gateway_route_table_association", "aws_ec2_transit_gateway_route_table_propagation",
    "aws_network_interface_attachment", "aws_network_interface_sg_attachment",
    # security groups
    "aws_security_group", "aws_default_security_group", "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
    # EC2 and autoscaling configuration (instances are priced on instances and their groups)
    "aws_launch_template", "aws_launch_configuration", "aws_key_pair", "aws_placement_group",
    "aws_eip_association", "aws_volume_attachment", "aws_ami_launch_permission", "aws_ec2_tag",
    "aws_ebs_encryption_by_default", "aws_ebs_default_kms_key", "aws_ec2_serial_console_access",
    "aws_autoscaling_policy", "aws_autoscaling_schedule", "aws_autoscaling_lifecycle_hook",
    "aws_autoscaling_notification", "aws_autoscaling_attachment", "aws_autoscaling_group_tag",
    "aws_appautoscaling_target", "aws_appautoscaling_policy", "aws_appautoscaling_scheduled_action",
    # load balancer configuration (the load balancer itself is priced)
    "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_listener_certificate", "aws_lb_target_group",
    "aws_lb_target_group_attachment", "aws_alb_listener", "aws_alb_listener_rule",
    "aws_alb_listener_certificate", "aws_alb_target_group", "aws_alb_target_group_attachment",
    "aws_elb_attachment", "aws_lb_cookie_stickiness_policy", "aws_app_cookie_stickiness_policy",
    "aws_load_balancer_policy", "aws_load_balancer_listener_policy",
    "aws_load_balancer_backend_server_policy", "aws_lb_ssl_negotiation_policy", "aws_proxy_protocol_policy",
    # ECS (tasks are priced on their service)
    "aws_ecs_cluster", "aws_ecs_cluster_capacity_providers", "aws_ecs_capacity_provider",
    "aws_ecs_task_definition", "aws_ecs_task_set", "aws_ecs_account_setting_default", "aws_ecs_tag",
    # Lambda configuration
    "aws_lambda_permission", "aws_lambda_alias", "aws_lambda_layer_version",
    "aws_lambda_layer_version_permission", "aws_lambda_function_url",
    "aws_lambda_function_event_invoke_config",
    # S3 bucket configuration (storage and requests are priced on the bucket)
    "aws_s3_bucket_policy", "aws_s3_bucket_acl", "aws_s3_bucket_versioning",
    "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block",
    "aws_s3_bucket_ownership_controls", "aws_s3_bucket_notification", "aws_s3_bucket_cors_configuration",
    "aws_s3_bucket_website_configuration", "aws_s3_bucket_logging",
    "aws_s3_bucket_request_payment_configuration", "aws_s3_bucket_object_lock_configuration",
    # CloudWatch / EventBridge configuration
    "aws_cloudwatch_log_stream", "aws_cloudwatch_log_resource_policy",
    "aws_cloudwatch_log_subscription_filter", "aws_cloudwatch_log_destination",
    "aws_cloudwatch_log_destination_policy", "aws_cloudwatch_event_rule", "aws_cloudwatch_event_target",
    "aws_cloudwatch_event_permission",
    # KMS, Secrets Manager, SNS, SQS policies and aliases
    "aws_kms_alias", "aws_kms_grant", "aws_kms_key_policy", "aws_secretsmanager_secret_version",
    "aws_secretsmanager_secret_policy", "aws_secretsmanager_secret_rotation", "aws_sns_topic_policy",
    "aws_sqs_queue_policy", "aws_sqs_queue_redrive_policy", "aws_sqs_queue_redrive_allow_policy",
    # Route 53 configuration (zones and queries are priced)
    "aws_route53_zone_association", "aws_route53_vpc_association_authorization",
    "aws_route53_delegation_set", "aws_route53_hosted_zone_dnssec", "aws_route53_key_signing_key",
    "aws_route53_query_log",
    # database, cache and DMS parameter/subnet groups and users
    "aws_db_subnet_group", "aws_db_parameter_group", "aws_db_option_group",
    "aws_rds_cluster_parameter_group", "aws_elasticache_subnet_group", "aws_elasticache_parameter_group",
    "aws_elasticache_user", "aws_elasticache_user_group", "aws_docdb_subnet_group",
    "aws_docdb_cluster_parameter_group", "aws_neptune_subnet_group", "aws_neptune_parameter_group",
    "aws_neptune_cluster_parameter_group", "aws_redshift_subnet_group", "aws_redshift_parameter_group",
    "aws_dms_replication_subnet_group", "aws_memorydb_subnet_group", "aws_memorydb_parameter_group",
    "aws_memorydb_acl", "aws_memorydb_user",
    # API Gateway configuration (requests and caches are priced on APIs and stages)
    "aws_api_gateway_resource", "aws_api_gateway_method", "aws_api_gateway_integration",
    "aws_api_gateway_method_response", "aws_api_gateway_integration_response",
    "aws_api_gateway_deployment", "aws_api_gateway_model", "aws_api_gateway_authorizer",
    "aws_api_gateway_base_path_mapping", "aws_api_gateway_api_key", "aws_api_gateway_usage_plan",
    "aws_api_gateway_usage_plan_key", "aws_api_gateway_request_validator",
    "aws_api_gateway_gateway_response", "aws_api_gateway_method_settings", "aws_api_gateway_account",
    "aws_api_gateway_rest_api_policy", "aws_apigatewayv2_route", "aws_apigatewayv2_integration",
    "aws_apigatewayv2_stage", "aws_apigatewayv2_deployment", "aws_apigatewayv2_authorizer",
    "aws_apigatewayv2_api_mapping",
    # CloudFront, ECR, EKS configuration
    "aws_cloudfront_origin_access_identity", "aws_cloudfront_origin_access_control",
    "aws_cloudfront_cache_policy", "aws_cloudfront_origin_request_policy",
    "aws_cloudfront_response_headers_policy", "aws_cloudfront_public_key", "aws_cloudfront_key_group",
    "aws_ecr_repository_policy", "aws_ecr_lifecycle_policy", "aws_ecr_registry_policy",
    "aws_eks_addon", "aws_eks_identity_provider_config", "aws_eks_access_entry",
    "aws_eks_access_policy_association", "aws_eks_pod_identity_association",
    # accounts, sharing, backup plans, certificates validation, misc.
    "aws_organizations_organization", "aws_organizations_account", "aws_organizations_organizational_unit",
    "aws_organizations_policy", "aws_organizations_policy_attachment", "aws_ram_resource_share",
    "aws_ram_principal_association", "aws_ram_resource_association", "aws_resourcegroups_group",
    "aws_backup_plan", "aws_backup_selection", "aws_acm_certificate_validation",
    "aws_elastic_beanstalk_application", "aws_cognito_user_pool_client", "aws_cognito_user_pool_domain",
    "aws_ssm_document", "aws_ssm_association", "aws_ssm_maintenance_window",
    "aws_ssm_maintenance_window_target", "aws_ssm_maintenance_window_task", "aws_ssm_patch_baseline",
    "aws_ssm_patch_group",
})
