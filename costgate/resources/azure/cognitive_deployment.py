"""azurerm_cognitive_deployment: a model deployment of an Azure OpenAI (AI services) account.

Prices:
    By usage, at the deployment type of sku.name (Standard: regional meters, GlobalStandard:
    global, DataZoneStandard: data zone): language models' input, cached input and output
    tokens per 1,000 and code interpreter sessions; embedding models' tokens per 1,000;
    fine-tunable base models' training and hosting hours and fine-tuned input and output
    tokens per 1,000.
Usage keys:
    monthly_language_input_tokens, monthly_language_cached_input_tokens,
    monthly_language_output_tokens, monthly_code_interpreter_sessions,
    monthly_text_embedding_tokens, monthly_fine_tuning_training_hours,
    monthly_fine_tuning_hosting_hours, monthly_fine_tuning_input_tokens,
    monthly_fine_tuning_output_tokens.
Not priced / assumptions:
    costgate knows the Azure price-list names (skuName) of the models in MODELS, EMBEDDINGS
    and FINE_TUNING below; a model it does not know, and provisioned (PTU) or batch deployments,
    yield one "not in costgate's model table" line per token kind, looked up by the model's
    name and reported unpriced, never $0. Images, audio and speech models are not priced. The
    location is the account's (cognitive_account_id).
References:
    https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, monthly, usage_component

TOKENS = ("input", "cached_input", "output")
USAGE = (
    UsageKey("monthly_language_input_tokens", "float", "Input tokens a month"),
    UsageKey("monthly_language_cached_input_tokens", "float", "Cached input tokens a month"),
    UsageKey("monthly_language_output_tokens", "float", "Output tokens a month"),
    UsageKey("monthly_code_interpreter_sessions", "float", "Assistants code interpreter sessions a month"),
    UsageKey("monthly_text_embedding_tokens", "float", "Embedding tokens a month"),
    UsageKey("monthly_fine_tuning_training_hours", "float", "Fine-tuning training hours a month"),
    UsageKey("monthly_fine_tuning_hosting_hours", "float", "Fine-tuned deployment hosting hours a month"),
    UsageKey("monthly_fine_tuning_input_tokens", "float", "Fine-tuned model input tokens a month"),
    UsageKey("monthly_fine_tuning_output_tokens", "float", "Fine-tuned model output tokens a month"),
)
DEPLOYMENTS = {"standard": "regional", "globalstandard": "global", "datazonestandard": "data zone"}
# (model, version) -> deployment scope -> token kind -> Azure Retail Prices skuName (productName "Azure OpenAI")
MODELS: dict[tuple[str, str], dict[str, dict[str, str]]] = {
    ("gpt-4.5-preview", "2025-02-27"): {
        "regional": {
            "input": "gpt 4.5 0227 Inp regnl",
            "cached_input": "gpt 4.5 0227 cached Inp regnl",
            "output": "gpt 4.5 0227 Outp regnl",
        },
        "global": {
            "input": "gpt 4.5 0227 Inp glbl",
            "cached_input": "gpt 4.5 0227 cached Inp glbl",
            "output": "gpt 4.5 0227 Outp glbl",
        },
        "data zone": {
            "input": "gpt 4.5 0227 Inp DZone",
            "cached_input": "gpt 4.5 0227 cached Inp DZone",
            "output": "gpt 4.5 0227 Outp DZone",
        },
    },
    ("gpt-4o", "2024-05-13"): {
        "regional": {"input": "gpt 4o 0513 Input regional", "output": "gpt 4o 0513 Output regional"},
        "global": {"input": "gpt 4o 0513 Input global", "output": "gpt 4o 0513 Output global"},
        "data zone": {"input": "gpt 4o 0513 Input Data Zone", "output": "gpt 4o 0513 Output Data Zone"},
    },
}
DEFAULT_VERSIONS = {"gpt-4.5-preview": "2025-02-27", "gpt-4o": "2024-05-13"}
EMBEDDINGS = {
    "text-embedding-ada-002": "Az-Embeddings-Ada",
    "text-embedding-3-small": "Az-Text-Embedding-3-Small",
    "text-embedding-3-large": "Az-Text-Embedding-3-Large",
}
FINE_TUNING = {"gpt-35-turbo": "Az-GPT35-Turbo-4K", "babbage-002": "Az-Babbage-002", "davinci-002": "Az-Davinci-002"}


def _per_1k(usage: Usage, key: str) -> Decimal | None:
    value = usage.number(key)
    return None if value is None else value / 1000


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    model = r.block("model")
    name, version = str(model.get("name") or "unknown"), str(model.get("version") or "")
    scope = DEPLOYMENTS.get(str(r.block("sku").get("name") or "Standard").lower())
    region = location_from(r, ctx, "cognitive_account_id")

    def q(sku: str, unit: str, meter: str | None = None) -> PriceQuery:
        attrs = {
            "productName": "Azure OpenAI",
            "skuName": sku,
            "unitOfMeasure": unit,
            **({"meterName": meter} if meter else {}),
        }
        return azure_query(r, "Cognitive Services", attrs, family="AI + Machine Learning", unit=unit, region=region)

    u = ctx.usage
    if name in EMBEDDINGS:
        sku = EMBEDDINGS[name]
        yield monthly(
            f"Text embeddings ({name})",
            "1K tokens",
            _per_1k(u, "monthly_text_embedding_tokens"),
            q(sku, "1K", f"{sku} Tokens"),
            usage_based=True,
        )
        return
    if name in FINE_TUNING:
        prefix = FINE_TUNING[name]
        yield usage_component(
            f"Fine tuning training ({name})",
            "hours",
            u,
            "monthly_fine_tuning_training_hours",
            q(f"{prefix}-FTuned", "1 Hour", f"{prefix}-FTuned Training Unit"),
        )
        yield usage_component(
            f"Fine tuning hosting ({name})",
            "hours",
            u,
            "monthly_fine_tuning_hosting_hours",
            q(f"{prefix}-FTuned", "1 Hour", f"{prefix}-FTuned Deployment Hosting Unit"),
        )
        for kind in ("input", "output"):
            sku = f"{prefix}-Fine Tuned-{kind.capitalize()}"
            yield monthly(
                f"Fine tuning {kind} ({name})",
                "1K tokens",
                _per_1k(u, f"monthly_fine_tuning_{kind}_tokens"),
                q(sku, "1K", f"{sku} Tokens"),
                usage_based=True,
            )
        return
    skus = MODELS.get((name, version or DEFAULT_VERSIONS.get(name, "")), {}).get(scope or "")
    for kind in TOKENS:
        known = skus.get(kind) if skus else None
        label = kind.replace("_", " ")
        if known is None and skus and kind == "cached_input":
            continue  # the model has no cached-input meter
        title = (
            f"Text {label} ({name})"
            if known
            else f"Text {label} ({name} {version}, {r.block('sku').get('name')}: not in costgate's model table)"
        )
        yield monthly(
            title,
            "1K tokens",
            _per_1k(u, f"monthly_language_{kind}_tokens"),
            q(known or f"{name} {version} {label}".strip(), "1K"),
            usage_based=True,
        )
    yield usage_component(
        "Code interpreter sessions",
        "sessions",
        u,
        "monthly_code_interpreter_sessions",
        q("Az-Assistants-Code-Interpreter", "1", "Az-Assistants-Code-Interpreter Session"),
    )


PRICER = Pricer(type="azurerm_cognitive_deployment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
