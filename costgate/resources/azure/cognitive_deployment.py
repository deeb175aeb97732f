"""azurerm_cognitive_deployment: a model deployment of an Azure OpenAI (AI services) account.

Prices:
    By usage, per the model's families (a model may have several, as the reference estimator
    prices them): language models' input, cached input and output tokens (and audio tokens)
    per 1,000 at the deployment type of sku.name (Standard: regional meters, GlobalStandard:
    global, DataZoneStandard: data zone, GlobalBatch / DataZoneBatch: batch meters), or provisioned throughput units per hour (sku.capacity PTUs,
    for ProvisionedManaged / GlobalProvisionedManaged / DataZoneProvisionedManaged), plus
    Assistants code interpreter sessions; fine-tunable models' training and hosting hours and
    fine-tuned tokens; base models' tokens; embeddings' tokens; DALL-E images per 100 (per size
    and quality); whisper per audio hour and tts per 1M characters.
Usage keys:
    monthly_language_input_tokens, monthly_language_cached_input_tokens,
    monthly_language_output_tokens, monthly_code_interpreter_sessions, monthly_base_model_tokens,
    monthly_text_embedding_tokens, monthly_fine_tuning_training_hours,
    monthly_fine_tuning_hosting_hours, monthly_fine_tuning_input_tokens,
    monthly_fine_tuning_output_tokens, monthly_standard_1024_1024_images,
    monthly_standard_1024_1792_images, monthly_hd_1024_1024_images, monthly_hd_1024_1792_images,
    monthly_text_to_speech_characters, monthly_text_to_speech_hours, monthly_audio_input_tokens,
    monthly_audio_output_tokens.
Not priced / assumptions:
    Token meters are known for the (model, version, deployment type) in _openai.MODELS (the
    reference's table; versions match in any case, "1106-preview" = "1106-Preview"); any
    other language model (and a name costgate knows in no table) yields one "not in costgate's
    model table" line per token kind, looked up by the model's name and reported unpriced,
    never $0. Provisioned throughput is hourly whatever the usage; the catalog has no PTU
    price yet, so it shows not priced. Batch deployments (GlobalBatch, DataZoneBatch) use the
    batch token meters; audio / realtime models add audio input and output tokens. File search
    tool calls and storage are not priced. Code interpreter sessions and
    fine-tuning lines are usage-based on every deployment of a model that can use them (the
    reference does the same): without usage they cost nothing. whisper transcribes, so its line
    is "Speech to text" (the reference names it "Text to speech"). The location is the account's
    (cognitive_account_id).
References:
    https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, location_from
from costgate.resources.azure._openai import (
    BASE_MODELS,
    DEFAULT_VERSIONS,
    DEPLOYMENTS,
    EMBEDDINGS,
    FINE_TUNING,
    IMAGES,
    LANGUAGE_MODELS,
    MODELS,
    PROVISIONED,
    SPEECH,
)
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, dec, hourly, monthly, usage_component

TOKENS = ("input", "cached_input", "output")
USAGE = (
    UsageKey("monthly_language_input_tokens", "float", "Input tokens a month"),
    UsageKey("monthly_language_cached_input_tokens", "float", "Cached input tokens a month"),
    UsageKey("monthly_language_output_tokens", "float", "Output tokens a month"),
    UsageKey("monthly_code_interpreter_sessions", "float", "Assistants code interpreter sessions a month"),
    UsageKey("monthly_base_model_tokens", "float", "Base model (babbage-002, davinci-002) tokens a month"),
    UsageKey("monthly_text_embedding_tokens", "float", "Embedding tokens a month"),
    UsageKey("monthly_fine_tuning_training_hours", "float", "Fine-tuning training hours a month"),
    UsageKey("monthly_fine_tuning_hosting_hours", "float", "Fine-tuned deployment hosting hours a month"),
    UsageKey("monthly_fine_tuning_input_tokens", "float", "Fine-tuned model input tokens a month"),
    UsageKey("monthly_fine_tuning_output_tokens", "float", "Fine-tuned model output tokens a month"),
    UsageKey("monthly_standard_1024_1024_images", "float", "Standard 1024x1024 images generated a month"),
    UsageKey("monthly_standard_1024_1792_images", "float", "Standard 1024x1792 images generated a month"),
    UsageKey("monthly_hd_1024_1024_images", "float", "HD 1024x1024 images generated a month"),
    UsageKey("monthly_hd_1024_1792_images", "float", "HD 1024x1792 images generated a month"),
    UsageKey("monthly_text_to_speech_characters", "float", "Characters turned into speech (tts, tts-hd) a month"),
    UsageKey("monthly_text_to_speech_hours", "float", "Audio hours transcribed (whisper) a month"),
    UsageKey("monthly_audio_input_tokens", "float", "Audio input tokens (audio and realtime models) a month"),
    UsageKey("monthly_audio_output_tokens", "float", "Audio output tokens (audio and realtime models) a month"),
)


def _per(usage: Usage, key: str, bundle: int) -> Decimal | None:
    value = usage.number(key)
    return None if value is None else value / bundle


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    model = r.block("model")
    name, version = str(model.get("name") or "unknown"), str(model.get("version") or "")
    sku_name = str(r.block("sku").get("name") or "Standard")
    region = location_from(r, ctx, "cognitive_account_id")
    u = ctx.usage

    def q(sku: str, unit: str | None, meter: str | None = None) -> PriceQuery:
        attrs = {"productName": "Azure OpenAI", "skuName": sku}
        attrs |= {"meterName": meter} if meter else {}
        attrs |= {"unitOfMeasure": unit} if unit else {}
        return azure_query(r, "Cognitive Services", attrs, family="AI + Machine Learning", unit=unit, region=region)

    known = name in EMBEDDINGS or name in FINE_TUNING or name in IMAGES or name in SPEECH
    if name in LANGUAGE_MODELS or not known:
        yield from _language(r, name, version, sku_name, u, q)
        yield usage_component(
            "Code interpreter sessions",
            "sessions",
            u,
            "monthly_code_interpreter_sessions",
            q("Az-Assistants-Code-Interpreter", "1", "Az-Assistants-Code-Interpreter Session"),
        )
    if name in BASE_MODELS:
        base = BASE_MODELS[name]
        tokens = _per(u, "monthly_base_model_tokens", 1000)
        query = q(f"{base} - Base", None, f"Text-{base} Unit")
        yield monthly(f"Base model tokens ({name})", "1K tokens", tokens, query, usage_based=True)
    if name in FINE_TUNING:
        prefix = FINE_TUNING[name]
        for kind in ("training", "hosting"):
            meter = f"{prefix}-FTuned {'Training' if kind == 'training' else 'Deployment Hosting'} Unit"
            key = f"monthly_fine_tuning_{kind}_hours"
            yield usage_component(
                f"Fine tuning {kind} ({name})", "hours", u, key, q(f"{prefix}-FTuned", "1 Hour", meter)
            )
        for kind in ("input", "output"):
            sku = f"{prefix}-Fine Tuned-{kind.capitalize()}"
            tokens = _per(u, f"monthly_fine_tuning_{kind}_tokens", 1000)
            yield monthly(
                f"Fine tuning {kind} ({name})", "1K tokens", tokens, q(sku, "1K", f"{sku} Tokens"), usage_based=True
            )
    if name in EMBEDDINGS:
        sku = EMBEDDINGS[name]
        tokens = _per(u, "monthly_text_embedding_tokens", 1000)
        yield monthly(f"Text embeddings ({name})", "1K tokens", tokens, q(sku, "1K", f"{sku} Tokens"), usage_based=True)
    for label, key, sku in IMAGES.get(name, ()):
        images = _per(u, key, 100)
        yield monthly(f"{label} images ({name})", "100 images", images, q(sku, None, f"{sku} Images"), usage_based=True)
    if name in SPEECH:
        sku = SPEECH[name]
        if name == "whisper":
            query = q(sku, "1 Hour", f"{sku} Speech to Text Batch")
            yield usage_component(f"Speech to text ({name})", "hours", u, "monthly_text_to_speech_hours", query)
        else:
            chars = _per(u, "monthly_text_to_speech_characters", 1_000_000)
            query = q(sku, None, f"{sku} Characters")
            yield monthly(f"Text to speech ({name})", "1M characters", chars, query, usage_based=True)


def _language(
    r: Resource, name: str, version: str, sku_name: str, u: Usage, q: Callable[..., PriceQuery]
) -> Iterator[CostComponent]:
    """Token lines at the deployment type's meters, or provisioned throughput units by the hour."""
    ptu = PROVISIONED.get(sku_name.lower())
    if ptu is not None:
        units = dec(r.block("sku").get("capacity"), Decimal(1), what="sku.capacity") or Decimal(1)
        yield hourly(f"Provisioned throughput units ({name})", q(ptu, None), count=units)
        return
    scope = DEPLOYMENTS.get(sku_name.lower(), "")
    skus = MODELS.get((name, (version or DEFAULT_VERSIONS.get(name, "")).lower()), {}).get(scope)
    for kind in TOKENS:
        known = skus.get(kind) if skus else None
        if known is None and skus and kind == "cached_input":
            continue  # the model has no cached-input meter
        label = kind.replace("_", " ")
        title = (
            f"Text {label} ({name})"
            if known
            else f"Text {label} ({name} {version}, {sku_name}: not in costgate's model table)"
        )
        tokens = _per(u, f"monthly_language_{kind}_tokens", 1000)
        yield monthly(
            title, "1K tokens", tokens, q(known or f"{name} {version} {label}".strip(), "1K"), usage_based=True
        )
    for kind, sku in (skus or {}).items():
        if kind.startswith("audio_"):
            tokens = _per(u, f"monthly_{kind}_tokens", 1000)
            label = kind.replace("_", " ").capitalize()
            yield monthly(f"{label} tokens ({name})", "1K tokens", tokens, q(sku, "1K"), usage_based=True)


PRICER = Pricer(type="azurerm_cognitive_deployment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
