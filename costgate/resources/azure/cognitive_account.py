"""azurerm_cognitive_account: an Azure AI services (Cognitive Services) account of one kind.

Prices:
    By usage, per the account's kind (sku_name S0 / S1 / S): Speech (SpeechServices): speech to text
    (standard, batch, custom model, custom endpoint hosting and training, enhanced add-ons,
    multi-channel transcription) per audio hour, text to speech (neural, custom neural, long audio,
    personal voice) per 1M characters, custom neural training and hosting per hour, speech
    translation per hour, speaker recognition per 1K transactions, voice profiles per 1K. LUIS: text
    and speech requests per 1K transactions. Language (TextAnalytics): text analytics, summarization,
    conversational language understanding, custom text classification, custom summarization,
    question answering and text analytics for health per 1K records, training per hour. Commitment
    tiers (Azure-hosted and connected containers) of speech to text, custom speech, enhanced add-ons,
    neural text to speech, LUIS text requests, text analytics and summarization: the monthly fee of
    the committed amount (shown per unit of it) and overage per unit; a commitment replaces the
    pay-as-you-go line of its feature unless that line's usage is given too.
Usage keys:
    Named as in the reference estimator's usage files (a commitment's amount and its overage
    per hosting: monthly_commitment_* on Azure, monthly_connected_container_commitment_*).
    Speech: monthly_speech_to_text_standard_hrs, monthly_speech_to_text_standard_batch_hrs,
    monthly_speech_to_text_custom_hrs, monthly_speech_to_text_custom_batch_hrs,
    monthly_speech_to_text_custom_endpoint_hrs, monthly_speech_to_text_custom_training_hrs,
    monthly_speech_to_text_enhanced_add_ons_hrs,
    monthly_speech_to_text_conversation_transcription_multi_channel_audio_hrs,
    monthly_text_to_speech_neural_chars, monthly_text_to_speech_custom_neural_training_hrs,
    monthly_text_to_speech_custom_neural_chars, monthly_text_to_speech_custom_neural_endpoint_hrs,
    monthly_text_to_speech_long_audio_chars, monthly_text_to_speech_personal_voice_profiles,
    monthly_text_to_speech_personal_voice_chars, monthly_speech_translation_hrs,
    monthly_speaker_verification_transactions, monthly_speaker_identification_transactions,
    monthly_voice_profiles, monthly_commitment_speech_to_text_standard_hrs,
    monthly_commitment_speech_to_text_standard_overage_hrs,
    monthly_connected_container_commitment_speech_to_text_standard_hrs,
    monthly_connected_container_commitment_speech_to_text_standard_overage_hrs,
    monthly_commitment_speech_to_text_custom_hrs,
    monthly_commitment_speech_to_text_custom_overage_hrs,
    monthly_connected_container_commitment_speech_to_text_custom_hrs,
    monthly_connected_container_commitment_speech_to_text_custom_overage_hrs,
    monthly_commitment_speech_to_text_enhanced_add_ons_hrs,
    monthly_commitment_speech_to_text_enhanced_add_ons_overage_hrs,
    monthly_connected_container_commitment_speech_to_text_enhanced_add_ons_hrs,
    monthly_connected_container_commitment_speech_to_text_enhanced_add_ons_overage_hrs,
    monthly_commitment_text_to_speech_neural_commitment_chars,
    monthly_commitment_text_to_speech_neural_overage_chars,
    monthly_connected_container_commitment_text_to_speech_neural_commitment_chars,
    monthly_connected_container_commitment_text_to_speech_neural_overage_chars.
    LUIS: monthly_luis_text_requests, monthly_luis_speech_requests,
    monthly_commitment_luis_text_requests, monthly_commitment_luis_text_overage_requests,
    monthly_connected_container_commitment_luis_text_requests,
    monthly_connected_container_commitment_luis_text_overage_requests.
    Language: monthly_language_text_analytics_records, monthly_language_summarization_records,
    monthly_language_conversational_language_understanding_records,
    monthly_language_conversational_language_understanding_advanced_training_hours,
    monthly_language_customized_text_classification_records,
    monthly_language_customized_summarization_records,
    monthly_language_customized_question_answering_records,
    monthly_language_customized_training_hours, monthly_language_text_analytics_for_health_records,
    monthly_commitment_language_text_analytics_records,
    monthly_commitment_language_text_analytics_overage_records,
    monthly_connected_container_commitment_language_text_analytics_records,
    monthly_connected_container_commitment_language_text_analytics_overage_records,
    monthly_commitment_language_summarization_records,
    monthly_commitment_language_summarization_overage_records,
    monthly_connected_container_commitment_language_summarization_records,
    monthly_connected_container_commitment_language_summarization_overage_records.
Not priced / assumptions:
    sku_name F0 is Azure's free tier: a no-charge line. Kind OpenAI bills per model deployment
    (azurerm_cognitive_deployment), not on the account: a no-charge line. Any other kind yields one
    usage-based line reported not priced with the kind in its query. Tiered meters (text
    analytics, question answering, health) are one component over Azure's tiers (the reference
    prints one line per tier). A commitment amount Azure does not sell (not 2K / 10K / 50K hours,
    1M / 5M / 25M requests...) names no product and shows not priced. Overage meters are asked by
    skuName and unit (their meterName is not confirmed). Disconnected containers are not priced.
References:
    https://azure.microsoft.com/pricing/details/cognitive-services/speech-services/
    https://azure.microsoft.com/pricing/details/cognitive-services/language-service/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._cognitive import KINDS, commitment_components
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge, text

FAMILY = "AI + Machine Learning"
USAGE = tuple(
    dict.fromkeys(
        [UsageKey(m.key, "float", f"{m.name}: usage a month") for _, meters, _ in KINDS.values() for m in meters]
        + [
            UsageKey(key, "float", f"{c.name} ({hosting}{', overage' if i else ''}): usage a month")
            for _, _, commitments in KINDS.values()
            for c in commitments.values()
            for hosting, keys in c.keys.items()
            for i, key in enumerate(keys)
        ]
    )
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    kind, sku = text(r, "kind") or "", (text(r, "sku_name") or "S0").upper()
    if sku == "F0":
        yield no_charge(r, "Account", "Free tier (F0)")
        return
    if kind.lower() == "openai":
        yield no_charge(
            r, "Account", "an Azure OpenAI account is billed per model deployment (azurerm_cognitive_deployment)"
        )
        return
    found = KINDS.get(kind.lower())
    if found is None:
        query = azure_query(r, "Cognitive Services", {"productName": kind}, family=FAMILY)
        yield monthly(f"{kind} account (not in costgate's kind table)", "units", None, query, usage_based=True)
        return
    product, meters, commitments = found

    def q(sku_name: str, meter: str | None, uom: str | None) -> PriceQuery:
        attrs = {"productName": product, "skuName": sku_name}
        attrs |= {"meterName": meter} if meter else {}
        attrs |= {"unitOfMeasure": uom} if uom else {}
        return azure_query(r, "Cognitive Services", attrs, family=FAMILY, unit=uom)

    u = ctx.usage
    for m in meters:
        tiers = commitments.get(m.key)
        committed = tiers is not None and any(u.number(a) is not None for a, _ in tiers.keys.values())
        if tiers is not None:
            yield from commitment_components(tiers, u, q)
        if not committed or u.number(m.key) is not None:
            raw = u.number(m.key)
            quantity = None if raw is None else raw / m.per
            yield monthly(m.name, m.unit, quantity, q(m.sku, m.meter, m.uom), usage_based=True)


PRICER = Pricer(type="azurerm_cognitive_account", price=_price, usage_keys=USAGE, doc=__doc__ or "")
