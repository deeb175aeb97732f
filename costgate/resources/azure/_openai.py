"""Azure OpenAI's price-list names (Retail Prices skuName / meterName, productName "Azure OpenAI") per model.

Why a table: the Retail Prices list names a model's meters by abbreviations ("gpt 4.5 0227 Inp regnl",
"Az-Image-Dall-E-3 HD HighRes") that no rule derives from the model name; the names come from the
reference estimator's cognitive_deployment.go (its exact filters), and the mapping table Cognitive
Services.yaml says which of them the shipped catalog holds.
"""

from __future__ import annotations

LANGUAGE_MODELS = frozenset(
    {
        "gpt-4.5-preview", "gpt-35-turbo", "gpt-35-turbo-16k", "gpt-4", "gpt-4-32k", "gpt-4o", "gpt-4o-mini",
        "gpt-4o-audio-preview", "gpt-4o-mini-audio-preview", "gpt-4o-realtime-preview",
        "gpt-4o-mini-realtime-preview", "computer-use-preview", "o1-mini", "o1", "o3-mini",
    }
)  # fmt: skip
"""Models billed per input / output token (and whose deployments can run Assistants tools)."""

DEPLOYMENTS = {"standard": "regional", "globalstandard": "global", "datazonestandard": "data zone"}
"""sku.name of a pay-as-you-go deployment -> the price list's deployment scope."""

PROVISIONED = {
    "provisionedmanaged": "Provisioned Managed Regional",
    "globalprovisionedmanaged": "Provisioned Managed Global",
    "datazoneprovisionedmanaged": "Provisioned Managed Data Zone",
}
"""sku.name of a provisioned-throughput deployment -> the PTU meter's skuName."""

# (model, version) -> deployment scope -> token kind -> skuName
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
FINE_TUNING = {
    "gpt-35-turbo": "Az-GPT35-Turbo-4K",
    "gpt-35-turbo-16k": "Az-GPT35-Turbo-16K",
    "babbage-002": "Az-Babbage-002",
    "davinci-002": "Az-Davinci-002",
}
"""Models Azure fine-tunes -> skuName prefix of their training, hosting and fine-tuned token meters."""

BASE_MODELS = {"babbage-002": "Babbage", "davinci-002": "Davinci"}
"""Completion base models -> the name in their token meter (skuName "<name> - Base", meterName "Text-<name> Unit")."""

IMAGES: dict[str, tuple[tuple[str, str, str], ...]] = {
    # model -> (component label, usage key, skuName); meterName is "<skuName> Images"
    "dall-e-2": (("Standard 1024x1024", "monthly_standard_1024_1024_images", "Az-Image-DALL-E"),),
    "dall-e-3": (
        ("Standard 1024x1024", "monthly_standard_1024_1024_images", "Az-Image-Dall-E-3 Standard LowRes"),
        ("Standard 1024x1792", "monthly_standard_1024_1792_images", "Az-Image-Dall-E-3 Standard HighRes"),
        ("HD 1024x1024", "monthly_hd_1024_1024_images", "Az-Image-Dall-E-3 HD LowRes"),
        ("HD 1024x1792", "monthly_hd_1024_1792_images", "Az-Image-Dall-E-3 HD HighRes"),
    ),
}

SPEECH = {"whisper": "Az-Speech-Whisper", "tts": "Az-Speech-Text to Speech", "tts-hd": "Az-Speech-Text to Speech HD"}
"""Speech models -> skuName: whisper per audio hour ("<sku> Speech to Text Batch"), tts per 1M characters."""
