"""Azure AI services (Cognitive Services) accounts: the meters of each account kind, and commitment tiers.

Why tables: an account's bill depends on its kind (Speech, LUIS, Language) and on the features used, each
a separate Retail Prices meter (serviceName "Cognitive Services", productName per kind, skuName "S1" or
"Standard" for pay-as-you-go). Names follow the reference estimator's exact filters
(cognitive_account_speech.go, _luis.go, _language.go); Cognitive Services.yaml says which the shipped
catalog holds.

A commitment tier is a monthly fee for an amount of use (2,000 audio hours, 25M transactions) under a
skuName that names the amount ("Commitment Tier Speech to Text Azure 2K"), meterName "<skuName> Unit";
use past the amount is billed at the same skuName's overage meter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery
from costgate.resources.base import Usage, monthly


@dataclass(frozen=True)
class Meter:
    """A pay-as-you-go feature: component name, usage key, unit and usage units per unit, Retail names."""

    name: str
    key: str
    meter: str
    unit: str = "hours"
    per: int = 1
    uom: str | None = "1 Hour"
    sku: str = "S1"


@dataclass(frozen=True)
class Commitment:
    """A feature sold in commitment tiers: usage keys of the committed amount and of its overage, the
    skuName prefix per hosting ('commitment' on Azure, 'connected container commitment')."""

    name: str
    keys: dict[str, tuple[str, str]]
    skus: dict[str, str]
    unit: str
    per: int
    overage_uom: str
    """unitOfMeasure the overage meter is asked by (its meterName is not confirmed; the fee's is 1/Month)."""


def amount_label(amount: Decimal) -> str:
    """The amount as skuNames write it: 2000 -> '2K', 25000000 -> '25M', 500 -> '500'."""
    value = int(amount)
    if value >= 1_000_000:
        return f"{value // 1_000_000}M"
    return f"{value // 1000}K" if value >= 1000 else str(value)


def commitment_components(
    c: Commitment, usage: Usage, query: Callable[[str, str | None, str | None], PriceQuery]
) -> Iterator[CostComponent]:
    """Per hosting with a committed amount given: the monthly fee, shown per unit of the amount, and the
    overage when given. The overage meter's name is not confirmed: it is asked by skuName and its unit."""
    for hosting, (amount_key, overage_key) in c.keys.items():
        amount = usage.number(amount_key)
        if amount is None:
            continue
        sku = f"{c.skus[hosting]} {amount_label(amount)}"
        units = amount / c.per
        fee = query(sku, f"{sku} Unit", "1/Month")
        multiplier = Decimal(1) / units if units else Decimal(1)
        yield monthly(f"{c.name} ({hosting})", c.unit, units, fee, usage_based=True, unit_multiplier=multiplier)
        overage = usage.number(overage_key)
        if overage:
            units_over = overage / c.per
            yield monthly(
                f"{c.name} ({hosting} overage)", c.unit, units_over, query(sku, None, c.overage_uom), usage_based=True
            )


HOURS = "hours"
SPEECH_METERS = (
    Meter("Speech to text", "monthly_speech_to_text_standard_hrs", "S1 Speech To Text"),
    Meter("Speech to text batch", "monthly_speech_to_text_standard_batch_hrs", "S1 Speech to Text Batch"),
    Meter("Speech to text custom model", "monthly_speech_to_text_custom_hrs", "S1 Custom Speech To Text"),
    Meter("Speech to text custom model batch", "monthly_speech_to_text_custom_batch_hrs", "S1 Custom Speech to Text Batch"),
    Meter("Speech to text custom endpoint hosting", "monthly_speech_to_text_custom_endpoint_hrs", "S1 Custom Speech Model Hosting Unit", uom="1/Hour"),
    Meter("Speech to text custom training", "monthly_speech_to_text_custom_training_hrs", "S1 Custom Speech Training"),
    Meter("Speech to text enhanced add-ons", "monthly_speech_to_text_enhanced_add_ons_hrs", "S1 Speech to Text Enhanced Feature Audio"),
    Meter("Speech to text conversation transcription multi-channel audio", "monthly_speech_to_text_conversation_transcription_multi_channel_audio_hrs", "S1 Conversation Transcription Multichannel Audio"),
    Meter("Text to speech neural", "monthly_text_to_speech_neural_chars", "S1 Neural Text To Speech Characters", "1M chars", 1_000_000, None),
    Meter("Text to speech custom neural training", "monthly_text_to_speech_custom_neural_training_hrs", "S1 Custom Neural Training"),
    Meter("Text to speech custom neural", "monthly_text_to_speech_custom_neural_chars", "S1 Custom Neural Realtime Characters", "1M chars", 1_000_000, None),
    Meter("Text to speech custom neural endpoint hosting", "monthly_text_to_speech_custom_neural_endpoint_hrs", "S1 Custom Neural Voice Model Hosting Unit", uom="1/Hour"),
    Meter("Text to speech long audio", "monthly_text_to_speech_long_audio_chars", "S1 Neural Long Audio Characters", "1M chars", 1_000_000, None),
    Meter("Text to speech personal voice profiles", "monthly_text_to_speech_personal_voice_profiles", "Text to Speech - Personal Voice Voice Storage", "1K profiles", 1000, None, "Text to Speech - Personal Voice"),
    Meter("Text to speech personal voice characters", "monthly_text_to_speech_personal_voice_chars", "Text to Speech - Personal Voice Characters", "1M chars", 1_000_000, None, "Text to Speech - Personal Voice"),
    Meter("Speech translation", "monthly_speech_translation_hrs", "S1 Speech Translation"),
    Meter("Speaker verification", "monthly_speaker_verification_transactions", "S1 Speaker Verification Transactions", "1K transactions", 1000, None),
    Meter("Speaker identification", "monthly_speaker_identification_transactions", "S1 Speaker Identification Transactions", "1K transactions", 1000, None),
    Meter("Voice profiles", "monthly_voice_profiles", "S1 Voice Storage", "1K profiles", 1000, None),
)  # fmt: skip


def _speech(name: str, stem: str, azure: str, connected: str, *, chars: bool = False) -> Commitment:
    suffix = ("commitment_chars", "overage_chars") if chars else ("hrs", "overage_hrs")
    return Commitment(
        name,
        {
            "commitment": (f"monthly_commitment_{stem}_{suffix[0]}", f"monthly_commitment_{stem}_{suffix[1]}"),
            "connected container commitment": (
                f"monthly_connected_container_commitment_{stem}_{suffix[0]}",
                f"monthly_connected_container_commitment_{stem}_{suffix[1]}",
            ),
        },
        {"commitment": azure, "connected container commitment": connected},
        "1M chars" if chars else HOURS,
        1_000_000 if chars else 1,
        "1M" if chars else "1 Hour",
    )


SPEECH_COMMITMENTS = {
    "monthly_speech_to_text_standard_hrs": _speech(
        "Speech to text", "speech_to_text_standard", "Commitment Tier Speech to Text Azure", "Commitment Tier Speech to Text Connected"
    ),
    "monthly_speech_to_text_custom_hrs": _speech(
        "Speech to text custom model", "speech_to_text_custom", "Commitment Tier Custom Speech to Text Azure", "Commitment Tier Custom Speech to Text Connected"
    ),
    "monthly_speech_to_text_enhanced_add_ons_hrs": _speech(
        "Speech to text enhanced add-ons", "speech_to_text_enhanced_add_ons", "Commitment Tier STT AddOn Azure", "Commitment Tier STT AddOn Connected"
    ),
    "monthly_text_to_speech_neural_chars": _speech(
        "Text to speech neural", "text_to_speech_neural", "Commitment Tier Neural Text to Speech Azure", "Commit Tier Neural TTS Connected", chars=True
    ),
}  # fmt: skip
"""Pay-as-you-go usage key -> the commitment tiers that replace it."""

LUIS_METERS = (
    Meter("Text requests", "monthly_luis_text_requests", "S1 Transactions", "1K transactions", 1000, None),
    Meter("Speech requests", "monthly_luis_speech_requests", "S1 Speech To Intent - Understanding Transactions", "1K transactions", 1000, None),
)  # fmt: skip
LUIS_COMMITMENTS = {
    "monthly_luis_text_requests": Commitment(
        "Text requests",
        {
            "commitment": ("monthly_commitment_luis_text_requests", "monthly_commitment_luis_text_overage_requests"),
            "connected container commitment": (
                "monthly_connected_container_commitment_luis_text_requests",
                "monthly_connected_container_commitment_luis_text_overage_requests",
            ),
        },
        {"commitment": "Commitment Tier Azure", "connected container commitment": "Commitment Tier Connected"},
        "1K transactions",
        1000,
        "1K",
    )
}

_STD = "Standard"
LANGUAGE_METERS = (
    Meter("Text analytics", "monthly_language_text_analytics_records", "Standard Text Records", "1K records", 1000, None, _STD),
    Meter("Summarization", "monthly_language_summarization_records", "Standard Summarization Text Records", "1K records", 1000, None, _STD),
    Meter("Conversational language understanding", "monthly_language_conversational_language_understanding_records", "Standard CLU Text Records", "1K records", 1000, None, _STD),
    Meter("Conversational language understanding advanced training", "monthly_language_conversational_language_understanding_advanced_training_hours", "Standard CLU Advanced Training Unit", HOURS, 1, None, _STD),
    Meter("Customized text classification", "monthly_language_customized_text_classification_records", "Standard Custom Text Records", "1K records", 1000, None, _STD),
    Meter("Customized summarization", "monthly_language_customized_summarization_records", "Standard Custom Summarization Text Records", "1K records", 1000, None, _STD),
    Meter("Customized question answering", "monthly_language_customized_question_answering_records", "Standard QA Text Records", "1K records", 1000, None, _STD),
    Meter("Customized training", "monthly_language_customized_training_hours", "Standard Custom Training Unit", HOURS, 1, None, _STD),
    Meter("Text analytics for health", "monthly_language_text_analytics_for_health_records", "Standard Health Text Records", "1K records", 1000, None, _STD),
)  # fmt: skip


def _language(name: str, stem: str, azure: str, connected: str) -> Commitment:
    return Commitment(
        name,
        {
            "commitment": (f"monthly_commitment_language_{stem}_records", f"monthly_commitment_language_{stem}_overage_records"),
            "connected container commitment": (
                f"monthly_connected_container_commitment_language_{stem}_records",
                f"monthly_connected_container_commitment_language_{stem}_overage_records",
            ),
        },
        {"commitment": azure, "connected container commitment": connected},
        "1K records",
        1000,
        "1K",
    )  # fmt: skip


LANGUAGE_COMMITMENTS = {
    "monthly_language_text_analytics_records": _language(
        "Text analytics", "text_analytics", "Commitment Tier Azure", "Commitment Tier Connected"
    ),
    "monthly_language_summarization_records": _language(
        "Summarization", "summarization", "Commitment Tier Summarization Azure", "Commitment Tier Summarization Connected"
    ),
}  # fmt: skip

KINDS: dict[str, tuple[str, tuple[Meter, ...], dict[str, Commitment]]] = {
    "speechservices": ("Speech", SPEECH_METERS, SPEECH_COMMITMENTS),
    "luis": ("Language Understanding", LUIS_METERS, LUIS_COMMITMENTS),
    "textanalytics": ("Language", LANGUAGE_METERS, LANGUAGE_COMMITMENTS),
}
"""Account kind -> (productName, pay-as-you-go meters, commitment tiers by the usage key they replace)."""
