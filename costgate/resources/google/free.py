"""Google Cloud resource types Google does not bill for.

A type is free when Google charges nothing for the resource itself: configuration (networks,
subnetworks, firewall rules and policies, routes, Cloud Router and its BGP sessions, health checks,
URL maps, backend services and buckets, certificates and SSL policies), identity and access (every
IAM member, binding, policy and audit config of every service, service accounts and keys, custom
roles, workload identity pools, deny policies), resource hierarchy and organisation settings
(projects, folders, enabled APIs, organisation policies, tags, liens, essential contacts, VPC
Service Controls), containers of settings (instance templates, database users and databases inside
a Cloud SQL instance, key rings, Pub/Sub schemas, log views and exclusions, notification channels,
dashboards, BigQuery row and data policies, connections and Analytics Hub exchanges, listings and
subscriptions, Container Analysis notes, KMS Autokey and Key Access Justifications settings, Security
Command Center sources, notification, mute and export configs, Firebase rules, App Check and Hosting
channels/releases, Gemini settings). What such a resource sets up may cost, and is priced on the resource that bills it:
VMs launched from an instance template on their managed instance group, traffic through a backend
service on the forwarding rule and proxy that carry it, HA VPN and Classic VPN gateways on their
tunnels, a database on its google_sql_database_instance, keys on google_kms_crypto_key.

The same rule covers the children found by scripts/unclassified_types.py (the provider's types
neither priced nor free): databases, tables and views inside Spanner and Bigtable instances (the
instance prices nodes and storage), Firestore indexes, Kafka topics and ACLs; per-instance
configs, sole-tenant node templates, composite health checks, NAT IP assignments and
interconnect groups; Apigee proxies, products, developers, apps, key stores and environment
groups (the organization, environments and proxy deployments bill); Dialogflow and Vertex AI
definitions (agents, endpoints and stores bill); Google SecOps detection content (licensed per
organisation outside Terraform); Discovery Engine settings; fleet scopes and namespaces and Backup
for GKE channels and restore plans; NetApp Volumes volumes and snapshots (the storage pool bills
its provisioned capacity); Dataproc jobs, templates and autoscaling policies (clusters and batches
bill); services Google does not charge for (Dataform, Migration Center, App Hub, Privileged Access
Manager, site verification, asset feeds, Cloud Identity policies); and settings of billed parents
(Cloud Deploy targets, Workstations configs, CA pools, Filestore snapshots, Composer workload
config maps and secrets, VMware Engine networks and subnets, Database Migration Service and
Datastream connection profiles, Managed Microsoft AD trusts and peerings, API Gateway APIs and
configs, AI Platform model containers).

Every name is a resource type of the Terraform Google provider: provider_types.txt beside this
module is derived from the provider's registration code by scripts/google_provider_types.py, and
tests/resources/test_google_types.py checks every free and priced type against it. The IAM types
(`*_iam_member`, `*_iam_binding`, `*_iam_policy`, `*_iam_audit_config`) are taken from that list
by their suffix, so a service's IAM resources are free as soon as the provider has them.

Kept out on purpose, because Google bills them or what they start: google_compute_security_policy_rule
and its regional twin (Cloud Armor bills per rule; priced), google_compute_service_attachment and
google_compute_network_attachment (Private Service Connect data processing), google_compute_packet_mirroring
(per GB mirrored), google_compute_reservation and google_compute_region_commitment (committed capacity),
google_compute_project_cloud_armor_tier (subscription), google_kms_crypto_key_version (billed per
version), google_storage_bucket_object (its bytes), google_storage_transfer_job, google_vpc_access_connector
(its instances; priced), google_monitoring_alert_policy and google_monitoring_uptime_check_config
(billed per condition / per execution; priced), google_monitoring_metric_descriptor and
google_logging_metric (custom metric data; priced), google_logging_linked_dataset, google_dns_policy and google_dns_response_policy (forwarded
queries), google_eventarc_trigger, google_api_gateway_gateway (per call; its APIs and configs are free), google_endpoints_service, Cloud Build worker
pools, google_sourcerepo_repository, google_identity_platform_config, google_recaptcha_enterprise_key,
google_service_directory_*, google_pubsub_lite_*, google_bigquery_job, google_bigquery_data_transfer_config,
google_os_config_* (VM Manager), google_binary_authorization_policy, google_network_services_*
(Cloud Service Mesh bills per endpoint; Secure Web Proxy gateways and edge caches per hour),
google_network_security_* (Cloud NGFW endpoints and mirroring bill per hour), SCC custom modules,
google_network_management_connectivity_test (billed per test run), google_data_catalog_*,
google_certificate_manager_certificate_map*, google_parameter_manager_*, google_kms_key_handle (it
creates a billed key), google_firebase_app_check_recaptcha_enterprise_config (assessments), google_gke_hub_feature* (fleet
features that switch on GKE Enterprise or Config/Service Mesh billing; a membership alone is free)
google_app_engine_application, Apigee proxy deployments, add-ons, instance attachments (they
deploy a billed environment into a region), DNS zones, endpoint attachments and NAT addresses,
Google SecOps feeds and exports, Backup for GKE backup plans (per protected pod), NetApp storage
pools, backups and replications, and Dataplex, BigLake and Data Catalog metadata (billed per GiB
stored). google_cloud_tasks_queue, google_workflows_workflow,
google_certificate_manager_certificate, google_cloudbuild_trigger and google_bigquery_reservation are
priced (their usage or their monthly fee).
"""

from __future__ import annotations

from importlib import resources

IAM_SUFFIXES = ("_iam_member", "_iam_binding", "_iam_policy", "_iam_audit_config")


def _provider_types() -> frozenset[str]:
    """The provider's resource types (provider_types.txt; comment lines skipped)."""
    text = resources.files(__package__).joinpath("provider_types.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


PROVIDER_TYPES: frozenset[str] = _provider_types()
"""Every resource type of the Google provider version the list was derived from."""

CONFIGURATION_TYPES: frozenset[str] = frozenset(
    {
        # resource hierarchy, APIs, organisation policy, tags, contacts
        "google_project",
        "google_project_service",
        "google_folder",
        "google_project_default_service_accounts",
        "google_project_usage_export_bucket",
        "google_billing_project_info",
        "google_billing_budget",
        "google_billing_subaccount",
        "google_resource_manager_lien",
        "google_essential_contacts_contact",
        "google_organization_policy",
        "google_folder_organization_policy",
        "google_project_organization_policy",
        "google_org_policy_policy",
        "google_org_policy_custom_constraint",
        "google_tags_tag_key",
        "google_tags_tag_value",
        "google_tags_tag_binding",
        "google_tags_location_tag_binding",
        "google_project_iam_custom_role",
        "google_organization_iam_custom_role",
        "google_service_account",
        "google_service_account_key",
        "google_iam_workload_identity_pool",
        "google_iam_workload_identity_pool_provider",
        "google_iam_deny_policy",
        "google_iam_access_boundary_policy",
        "google_apikeys_key",
        "google_os_login_ssh_public_key",
        "google_iap_brand",
        "google_iap_client",
        "google_access_context_manager_access_policy",
        "google_access_context_manager_access_level",
        "google_access_context_manager_access_levels",
        "google_access_context_manager_service_perimeter",
        "google_access_context_manager_service_perimeters",
        "google_access_context_manager_service_perimeter_resource",
        "google_access_context_manager_access_level_condition",
        "google_service_usage_consumer_quota_override",
        # VPC networking and routing
        "google_compute_network",
        "google_compute_subnetwork",
        "google_compute_firewall",
        "google_compute_route",
        # attachments of resource policies: a snapshot schedule's storage is priced on
        # google_compute_resource_policy, VM schedules and placement cost nothing
        "google_compute_disk_resource_policy_attachment",
        "google_compute_region_disk_resource_policy_attachment",
        "google_compute_resource_policy_attachment",
        "google_compute_router",
        "google_compute_router_interface",
        "google_compute_router_peer",
        "google_compute_router_route_policy",
        "google_compute_network_peering",
        "google_compute_network_peering_routes_config",
        "google_compute_shared_vpc_host_project",
        "google_compute_shared_vpc_service_project",
        "google_compute_project_default_network_tier",
        "google_compute_project_metadata",
        "google_compute_project_metadata_item",
        "google_compute_instance_settings",
        "google_compute_firewall_policy",
        "google_compute_firewall_policy_rule",
        "google_compute_firewall_policy_association",
        "google_compute_network_firewall_policy",
        "google_compute_network_firewall_policy_rule",
        "google_compute_network_firewall_policy_association",
        "google_compute_region_network_firewall_policy",
        "google_compute_region_network_firewall_policy_rule",
        "google_compute_region_network_firewall_policy_association",
        "google_compute_network_firewall_policy_with_rules",
        "google_compute_region_network_firewall_policy_with_rules",
        "google_service_networking_connection",
        "google_service_networking_peered_dns_domain",
        "google_compute_ha_vpn_gateway",
        "google_compute_vpn_gateway",
        "google_compute_snapshot_settings",
        # load balancing configuration (billed on forwarding rules and proxies)
        "google_compute_health_check",
        "google_compute_region_health_check",
        "google_compute_http_health_check",
        "google_compute_https_health_check",
        "google_compute_backend_service",
        "google_compute_region_backend_service",
        "google_compute_backend_bucket",
        "google_compute_backend_service_signed_url_key",
        "google_compute_backend_bucket_signed_url_key",
        "google_compute_url_map",
        "google_compute_region_url_map",
        "google_compute_ssl_certificate",
        "google_compute_region_ssl_certificate",
        "google_compute_managed_ssl_certificate",
        "google_compute_ssl_policy",
        "google_compute_region_ssl_policy",
        "google_compute_target_pool",
        "google_compute_target_instance",
        "google_compute_network_endpoint_group",
        "google_compute_region_network_endpoint_group",
        "google_compute_global_network_endpoint_group",
        "google_compute_network_endpoint",
        "google_compute_network_endpoints",
        "google_compute_global_network_endpoint",
        "google_compute_region_network_endpoint",
        # compute configuration (VMs are priced on instances and groups)
        "google_compute_instance_template",
        "google_compute_region_instance_template",
        "google_compute_instance_group",
        "google_compute_instance_group_named_port",
        "google_compute_instance_group_membership",
        "google_compute_per_instance_config",
        "google_compute_region_per_instance_config",
        "google_compute_autoscaler",
        "google_compute_region_autoscaler",
        "google_compute_attached_disk",
        # containers of settings inside billed services
        "google_sql_database",
        "google_sql_user",
        "google_sql_ssl_cert",
        "google_kms_key_ring",
        "google_storage_bucket_acl",
        "google_storage_default_object_acl",
        "google_storage_object_acl",
        "google_storage_bucket_access_control",
        "google_storage_default_object_access_control",
        "google_storage_object_access_control",
        "google_storage_notification",
        "google_storage_hmac_key",
        "google_storage_managed_folder",
        "google_pubsub_schema",
        "google_bigquery_dataset_access",
        "google_bigquery_routine",
        "google_cloud_run_domain_mapping",
        "google_app_engine_firewall_rule",
        "google_app_engine_domain_mapping",
        "google_firebase_project",
        "google_firebase_web_app",
        "google_firebase_android_app",
        "google_firebase_apple_app",
        # logging and monitoring configuration (ingestion is priced on sinks and buckets)
        "google_logging_project_exclusion",
        "google_logging_folder_exclusion",
        "google_logging_organization_exclusion",
        "google_logging_billing_account_exclusion",
        "google_logging_log_view",
        "google_logging_organization_settings",
        "google_logging_folder_settings",
        "google_monitoring_notification_channel",
        "google_monitoring_dashboard",
        "google_monitoring_group",
        "google_monitoring_slo",
        "google_monitoring_service",
        "google_monitoring_custom_service",
        "google_monitoring_monitored_project",
        # fleet registration (GKE Enterprise billing comes with its subscription, not the membership)
        "google_gke_hub_membership",
        # identity and hierarchy added for provider 7: service agents, IAM policies of the newer
        # API, workforce identity, OAuth clients, Cloud Identity groups, quotas, VPC-SC parts
        "google_project_service_identity",
        "google_folder_service_identity",
        "google_organization_service_identity",
        "google_project_access_approval_settings",
        "google_folder_access_approval_settings",
        "google_organization_access_approval_settings",
        "google_project_iam_member_remove",
        "google_iam_folders_policy_binding",
        "google_iam_organizations_policy_binding",
        "google_iam_projects_policy_binding",
        "google_iam_principal_access_boundary_policy",
        "google_iam_folder_access_policy",
        "google_iam_organization_access_policy",
        "google_iam_project_access_policy",
        "google_iam_workforce_pool",
        "google_iam_workforce_pool_provider",
        "google_iam_workforce_pool_provider_key",
        "google_iam_workforce_pool_provider_scim_tenant",
        "google_iam_workforce_pool_provider_scim_token",
        "google_iam_oauth_client",
        "google_iam_oauth_client_credential",
        "google_cloud_identity_group",
        "google_cloud_identity_group_membership",
        "google_cloud_quotas_quota_preference",
        "google_cloud_quotas_quota_adjuster_settings",
        "google_tags_tag_binding_collection",
        "google_access_context_manager_authorized_orgs_desc",
        "google_access_context_manager_egress_policy",
        "google_access_context_manager_ingress_policy",
        "google_access_context_manager_gcp_user_access_binding",
        "google_access_context_manager_service_perimeter_dry_run_egress_policy",
        "google_access_context_manager_service_perimeter_dry_run_ingress_policy",
        "google_access_context_manager_service_perimeter_dry_run_resource",
        "google_access_context_manager_service_perimeter_egress_policy",
        "google_access_context_manager_service_perimeter_ingress_policy",
        "google_iap_settings",
        "google_iap_tunnel_dest_group",
        "google_runtimeconfig_config",
        "google_runtimeconfig_variable",
        "google_deployment_manager_deployment",
        # networking configuration: hierarchical firewall policies under their older name, router
        # named sets, VPC-SC for service networking, response policy rules (queries bill on the policy)
        "google_compute_organization_security_policy",
        "google_compute_organization_security_policy_association",
        "google_compute_organization_security_policy_rule",
        "google_compute_firewall_policy_with_rules",
        "google_compute_router_named_set",
        "google_compute_preview_feature",
        "google_service_networking_vpc_service_controls",
        "google_dns_response_policy_rule",
        "google_network_connectivity_internal_range",
        "google_network_connectivity_service_connection_policy",
        # settings and metadata inside billed services (the service bills queries, storage, keys)
        "google_bigquery_row_access_policy",
        "google_bigquery_datapolicy_data_policy",
        "google_bigquery_datapolicyv2_data_policy",
        "google_bigquery_connection",
        "google_bigquery_reservation_assignment",
        "google_bigquery_analytics_hub_data_exchange",
        "google_bigquery_analytics_hub_listing",
        "google_bigquery_analytics_hub_data_exchange_subscription",
        "google_bigquery_analytics_hub_listing_subscription",
        "google_bigquery_analytics_hub_query_template",
        "google_container_analysis_note",
        "google_container_analysis_occurrence",
        "google_artifact_registry_project_config",
        "google_artifact_registry_vpcsc_config",
        "google_logging_log_scope",
        "google_logging_saved_query",
        "google_kms_autokey_config",
        "google_kms_project_autokey_config",
        "google_kms_folder_kaj_policy_config",
        "google_kms_organization_kaj_policy_config",
        "google_kms_project_kaj_policy_config",
        "google_sql_source_representation_instance",
        "google_storage_folder",
        "google_data_loss_prevention_inspect_template",
        "google_data_loss_prevention_deidentify_template",
        "google_privateca_certificate_template",
        "google_certificate_manager_dns_authorization",
        "google_security_scanner_scan_config",
        "google_observability_folder_settings",
        "google_observability_organization_settings",
        "google_observability_project_settings",
        "google_observability_trace_scope",
        # Security Command Center: where findings go and which are muted (the tier bills the org)
        "google_scc_source",
        "google_scc_v2_organization_source",
        "google_scc_notification_config",
        "google_scc_folder_notification_config",
        "google_scc_project_notification_config",
        "google_scc_v2_folder_notification_config",
        "google_scc_v2_organization_notification_config",
        "google_scc_v2_project_notification_config",
        "google_scc_mute_config",
        "google_scc_v2_folder_mute_config",
        "google_scc_v2_organization_mute_config",
        "google_scc_v2_project_mute_config",
        "google_scc_folder_scc_big_query_export",
        "google_scc_organization_scc_big_query_export",
        "google_scc_project_scc_big_query_export",
        "google_scc_v2_folder_scc_big_query_export",
        "google_scc_v2_organization_scc_big_query_export",
        "google_scc_v2_organization_scc_big_query_exports",
        "google_scc_v2_project_scc_big_query_export",
        # Firebase configuration (Hosting, App Hosting and databases bill on their sites and backends)
        "google_firebaserules_ruleset",
        "google_firebaserules_release",
        "google_firebase_storage_bucket",
        "google_firebase_remote_config_remote_config",
        "google_firebase_hosting_channel",
        "google_firebase_hosting_custom_domain",
        "google_firebase_hosting_release",
        "google_firebase_hosting_version",
        "google_firebase_app_hosting_default_domain",
        "google_firebase_app_hosting_domain",
        "google_firebase_app_hosting_traffic",
        "google_firebase_app_check_app_attest_config",
        "google_firebase_app_check_debug_token",
        "google_firebase_app_check_device_check_config",
        "google_firebase_app_check_play_integrity_config",
        "google_firebase_app_check_recaptcha_v3_config",
        "google_firebase_app_check_resource_policy",
        "google_firebase_app_check_service_config",
        # Gemini for Google Cloud settings (licences bill per user, outside Terraform)
        "google_gemini_code_tools_setting",
        "google_gemini_code_tools_setting_binding",
        "google_gemini_data_sharing_with_google_setting",
        "google_gemini_data_sharing_with_google_setting_binding",
        "google_gemini_logging_setting",
        "google_gemini_logging_setting_binding",
        "google_gemini_release_channel_setting",
        "google_gemini_release_channel_setting_binding",
        # Added from scripts/unclassified_types.py (the provider's types neither priced nor free):
        # configuration inside a service whose parent resource carries the bill.
        # Databases, tables and views inside an instance that bills nodes and storage
        # (google_spanner_instance, google_bigtable_instance price storage from usage)
        "google_spanner_database",
        "google_spanner_instance_config",
        "google_bigtable_table",
        "google_bigtable_app_profile",
        "google_bigtable_authorized_view",
        "google_bigtable_gc_policy",
        "google_bigtable_logical_view",
        "google_bigtable_schema_bundle",
        "google_alloydb_user",
        "google_firestore_field",
        "google_firestore_index",
        "google_firestore_user_creds",
        "google_healthcare_dataset",
        "google_managed_kafka_acl",
        "google_managed_kafka_topic",
        "google_managed_kafka_connector",
        # Compute and network configuration: per-instance configs of a group, sole-tenant node
        # templates (node groups bill), health check composition and health sources, regional
        # backend buckets, NAT IP assignment (the addresses bill), interconnect groups (the
        # interconnects and attachments bill)
        "google_compute_bulk_per_instance_config",
        "google_compute_node_template",
        "google_compute_region_composite_health_check",
        "google_compute_region_health_aggregation_policy",
        "google_compute_region_health_source",
        "google_compute_region_backend_bucket",
        "google_compute_router_nat_address",
        "google_compute_interconnect_group",
        "google_compute_interconnect_attachment_group",
        "google_network_connectivity_hub",
        "google_network_connectivity_group",
        # Apigee: proxies, products, developers, apps, environments' key stores and groups (the
        # organization's subscription or pay-as-you-go environments and proxy deployments bill;
        # deployments, add-ons, endpoint attachments and NAT addresses are kept out)
        "google_apigee_api",
        "google_apigee_api_product",
        "google_apigee_app_group",
        "google_apigee_control_plane_access",
        "google_apigee_data_collector",
        "google_apigee_datastore",
        "google_apigee_developer",
        "google_apigee_developer_app",
        "google_apigee_env_keystore",
        "google_apigee_env_references",
        "google_apigee_envgroup",
        "google_apigee_envgroup_attachment",
        "google_apigee_environment_debugmask",
        "google_apigee_environment_keyvaluemaps",
        "google_apigee_environment_keyvaluemaps_entries",
        "google_apigee_flowhook",
        "google_apigee_keystores_aliases_key_cert_file",
        "google_apigee_keystores_aliases_pkcs12",
        "google_apigee_keystores_aliases_self_signed_cert",
        "google_apigee_sharedflow",
        "google_apigee_space",
        "google_apigee_sync_authorization",
        "google_apigee_target_server",
        # Dialogflow agent content (requests bill on the agent: agents, SIP trunks kept out)
        "google_dialogflow_conversation_profile",
        "google_dialogflow_cx_entity_type",
        "google_dialogflow_cx_environment",
        "google_dialogflow_cx_flow",
        "google_dialogflow_cx_generative_settings",
        "google_dialogflow_cx_generator",
        "google_dialogflow_cx_intent",
        "google_dialogflow_cx_page",
        "google_dialogflow_cx_playbook",
        "google_dialogflow_cx_security_settings",
        "google_dialogflow_cx_test_case",
        "google_dialogflow_cx_tool",
        "google_dialogflow_cx_tool_version",
        "google_dialogflow_cx_version",
        "google_dialogflow_cx_webhook",
        "google_dialogflow_encryption_spec",
        "google_dialogflow_entity_type",
        "google_dialogflow_environment",
        "google_dialogflow_fulfillment",
        "google_dialogflow_generator",
        "google_dialogflow_intent",
        "google_dialogflow_version",
        # Vertex AI definitions (endpoints, indexes, feature online stores, tensorboards bill)
        "google_vertex_ai_featurestore_entitytype",
        "google_vertex_ai_featurestore_entitytype_feature",
        "google_vertex_ai_feature_group",
        "google_vertex_ai_feature_group_feature",
        "google_vertex_ai_tensorboard_experiment",
        "google_vertex_ai_tensorboard_run",
        # Google SecOps (Chronicle) detection content and access scopes: the SecOps subscription is
        # licensed per organisation outside Terraform (exports to BigQuery or Storage are kept out)
        "google_chronicle_custom_list",
        "google_chronicle_dashboard_chart",
        "google_chronicle_data_access_label",
        "google_chronicle_data_access_scope",
        "google_chronicle_data_table",
        "google_chronicle_data_table_row",
        "google_chronicle_environment",
        "google_chronicle_environment_group",
        "google_chronicle_findings_refinement",
        "google_chronicle_findings_refinement_deployment",
        "google_chronicle_native_dashboard",
        "google_chronicle_parser",
        "google_chronicle_parser_extension",
        "google_chronicle_reference_list",
        "google_chronicle_rule",
        "google_chronicle_rule_deployment",
        "google_chronicle_soar_domain",
        "google_chronicle_soar_network",
        "google_chronicle_watchlist",
        # Vertex AI Search (Discovery Engine) settings of an engine or data store (queries,
        # storage and licences bill on those)
        "google_discovery_engine_acl_config",
        "google_discovery_engine_cmek_config",
        "google_discovery_engine_control",
        "google_discovery_engine_schema",
        "google_discovery_engine_serving_config",
        "google_discovery_engine_sitemap",
        "google_discovery_engine_target_site",
        "google_discovery_engine_widget_config",
        # Fleet team management (GKE Enterprise bills through its feature, kept out, as the
        # membership already is free) and Backup for GKE channels and restore plans (backup plans
        # bill per protected pod and are kept out)
        "google_gke_hub_membership_binding",
        "google_gke_hub_membership_rbac_role_binding",
        "google_gke_hub_namespace",
        "google_gke_hub_scope",
        "google_gke_hub_scope_rbac_role_binding",
        "google_gke_hub_rollout_sequence",
        "google_gke_backup_backup_channel",
        "google_gke_backup_restore_channel",
        "google_gke_backup_restore_plan",
        # NetApp Volumes: volumes and snapshots draw on their storage pool, which bills provisioned
        # capacity (pools, backups, backup vaults and replications are kept out); policies, AD and
        # KMS settings, host groups
        "google_netapp_active_directory",
        "google_netapp_backup_policy",
        "google_netapp_host_group",
        "google_netapp_kmsconfig",
        "google_netapp_volume",
        "google_netapp_volume_quota_rule",
        "google_netapp_volume_snapshot",
        # Dataproc definitions run on clusters or batches that bill; Dataform (free: queries bill
        # in BigQuery); Migration Center (no charge); App Hub (no charge); App Engine routing
        "google_dataproc_autoscaling_policy",
        "google_dataproc_job",
        "google_dataproc_session_template",
        "google_dataproc_workflow_template",
        "google_dataform_config",
        "google_dataform_folder",
        "google_dataform_repository",
        "google_dataform_repository_release_config",
        "google_dataform_repository_workflow_config",
        "google_dataform_team_folder",
        "google_migration_center_assets_export_job",
        "google_migration_center_discovery_client",
        "google_migration_center_group",
        "google_migration_center_import_data_file",
        "google_migration_center_import_job",
        "google_migration_center_preference_set",
        "google_migration_center_report",
        "google_migration_center_report_config",
        "google_migration_center_settings",
        "google_migration_center_source",
        "google_apphub_application",
        "google_apphub_boundary",
        "google_apphub_service",
        "google_apphub_service_project_attachment",
        "google_apphub_workload",
        "google_app_engine_application_url_dispatch_rules",
        "google_app_engine_service_network_settings",
        "google_app_engine_service_split_traffic",
        # Other settings of billed parents: Cloud Deploy targets, automations and policies (the
        # delivery pipeline bills), Colab runtime templates, Workstations configs (workstations and
        # clusters bill), Transcoder job templates (jobs bill), CA pools (CAs and certificates
        # bill), Filestore snapshots (inside the instance's capacity), Composer workload config
        # maps and secrets, Cloud Build repository connections, Memorystore endpoint settings,
        # Secure Source Manager branch rules and hooks (the instance bills), Gemini enablement
        # settings and repository groups, Firebase AI Logic prompt templates
        "google_clouddeploy_automation",
        "google_clouddeploy_custom_target_type",
        "google_clouddeploy_deploy_policy",
        "google_clouddeploy_target",
        "google_colab_runtime_template",
        "google_workstations_workstation_config",
        "google_transcoder_job_template",
        "google_privateca_ca_pool",
        "google_filestore_snapshot",
        "google_composer_user_workloads_config_map",
        "google_composer_user_workloads_secret",
        "google_cloudbuildv2_connection",
        "google_cloudbuildv2_repository",
        "google_memorystore_instance_desired_user_created_endpoints",
        "google_redis_cluster_user_created_connections",
        "google_secure_source_manager_branch_rule",
        "google_secure_source_manager_hook",
        "google_gemini_gemini_gcp_enablement_setting",
        "google_gemini_gemini_gcp_enablement_setting_binding",
        "google_gemini_repository_group",
        "google_firebase_ai_logic_prompt_template",
        "google_firebase_ai_logic_prompt_template_lock",
        "google_document_ai_processor_default_version",
        # Identity, hierarchy and account settings: asset feeds (their Pub/Sub messages bill on the
        # topic), Cloud Identity policies, support subscriptions, site verification, workload
        # identity namespaces and managed identities, Privileged Access Manager, capabilities,
        # public CA account keys, Application Integration auth configs, compliance frameworks and
        # controls (their deployment is kept out), multicloud client credentials, VMware Engine
        # networks, subnets, access rules and peerings (private clouds bill per node)
        "google_cloud_asset_folder_feed",
        "google_cloud_asset_organization_feed",
        "google_cloud_asset_project_feed",
        "google_cloud_identity_policy",
        "google_cloud_support_support_event_subscription",
        "google_site_verification_owner",
        "google_site_verification_web_resource",
        "google_iam_workload_identity_pool_managed_identity",
        "google_iam_workload_identity_pool_namespace",
        "google_workload_identity_service_agent",
        "google_privileged_access_manager_entitlement",
        "google_privileged_access_manager_settings",
        "google_resource_manager_capability",
        "google_public_ca_external_account_key",
        "google_integrations_auth_config",
        "google_cloud_security_compliance_cloud_control",
        "google_cloud_security_compliance_framework",
        "google_container_azure_client",
        "google_vmwareengine_network",
        "google_vmwareengine_subnet",
        "google_vmwareengine_external_access_rule",
        "google_vmwareengine_network_peering",
        # Connection definitions of migration and replication services (migration jobs and
        # streams bill), Managed Microsoft AD trusts and peerings (the domain bills per hour),
        # API Gateway APIs and configs (calls bill on the gateway, kept out), AI Platform model
        # containers (versions bill)
        "google_database_migration_service_connection_profile",
        "google_datastream_connection_profile",
        "google_active_directory_domain_trust",
        "google_active_directory_peering",
        "google_api_gateway_api",
        "google_api_gateway_api_config",
        "google_ml_engine_model",
    }
)
"""Free configuration types, listed by hand with the reasons in the module docstring."""

IAM_TYPES: frozenset[str] = frozenset(t for t in PROVIDER_TYPES if t.endswith(IAM_SUFFIXES))
"""Every IAM member, binding, policy and audit config the provider has: access grants cost nothing."""

FREE_TYPES: frozenset[str] = CONFIGURATION_TYPES | IAM_TYPES
