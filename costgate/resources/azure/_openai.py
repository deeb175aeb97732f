"""Azure OpenAI's price-list names (Retail Prices skuName / meterName, productName "Azure OpenAI") per model.

Why a table: the Retail Prices list names a model's meters by abbreviations ("gpt 4.5 0227 Inp regnl",
"Az-Image-Dall-E-3 HD HighRes") that no rule derives from the model name; the names come from the
reference estimator's cognitive_deployment.go (its exact filters), and the mapping table Cognitive
Services.yaml says which of them the shipped catalog holds.
"""

from __future__ import annotations

DEPLOYMENTS = {
    "standard": "regional",
    "globalstandard": "global",
    "datazonestandard": "data zone",
    "globalbatch": "global batch",
    "datazonebatch": "data zone batch",
}
"""sku.name of a pay-as-you-go deployment -> the price list's deployment scope."""

PROVISIONED = {
    "provisionedmanaged": "Provisioned Managed Regional",
    "globalprovisionedmanaged": "Provisioned Managed Global",
    "datazoneprovisionedmanaged": "Provisioned Managed Data Zone",
}
"""sku.name of a provisioned-throughput deployment -> the PTU meter's skuName."""

# (model, version in lower case) -> deployment scope -> token kind -> skuName (the reference"s table)
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
        "global batch": {
            "input": "gpt 4.5 0227 Batch Inp glbl",
            "output": "gpt 4.5 0227 Batch Outp glbl",
            "cached_input": "gpt 4.5 0227 cached Inp glbl",
        },
        "data zone batch": {
            "input": "gpt 4.5 0227 Batch Inp DZone",
            "output": "gpt 4.5 0227 Batch Outp DZone",
            "cached_input": "gpt 4.5 0227 cached Inp DZone",
        },
    },
    ("gpt-35-turbo", "0301"): {
        "regional": {"input": "gpt-35-turbo-4k-Input-regional", "output": "gpt-35-turbo-4k-Output-regional"},
        "global": {"input": "gpt-35-turbo4K-Inp-glbl", "output": "gpt-35-turbo4K-Outp-glbl"},
    },
    ("gpt-35-turbo", "0613"): {
        "regional": {"input": "gpt-35-turbo-4k-Input-regional", "output": "gpt-35-turbo-4k-Output-regional"},
        "global": {"input": "gpt-35-turbo4K-Inp-glbl", "output": "gpt-35-turbo4K-Outp-glbl"},
    },
    ("gpt-35-turbo", "1106"): {
        "regional": {"input": "gpt-35-turbo-4k-Input-regional", "output": "gpt-35-turbo-4k-Output-regional"},
        "global": {"input": "gpt-35-turbo4K-Inp-glbl", "output": "gpt-35-turbo4K-Outp-glbl"},
    },
    ("gpt-35-turbo", "0125"): {
        "regional": {"input": "gpt-35-turbo-4k-Input-regional", "output": "gpt-35-turbo-4k-Output-regional"},
        "global": {"input": "gpt-35-turbo4K-Inp-glbl", "output": "gpt-35-turbo4K-Outp-glbl"},
    },
    ("gpt-35-turbo-16k", "0613"): {
        "regional": {"input": "gpt-35-turbo-16k-Input-regional", "output": "gpt-35-turbo-16k-Output-regional"},
        "global": {"input": "gpt-35-turbo16K-Inp-glbl", "output": "gpt-35-turbo16K-Outp-glbl"},
        "global batch": {"input": "gpt-35-turbo16K-Batch-Inp-glbl", "output": "gpt-35-turbo16K-Batch-Outp-glbl"},
    },
    ("gpt-4", "0125-preview"): {
        "regional": {"input": "gpt-4-8K-Input-regional", "output": "gpt-4-8K-Output-regional"},
        "global": {"input": "gpt-4-8K-Inp-glbl", "output": "gpt-4-8K-Outp-glbl"},
        "global batch": {"input": "gpt-4-8K-Batch-Inp-glbl", "output": "gpt-4-8K-Batch-Outp-glbl"},
    },
    ("gpt-4", "1106-preview"): {
        "regional": {"input": "gpt-4-8K-Input-regional", "output": "gpt-4-8K-Output-regional"},
        "global": {"input": "gpt-4-8K-Inp-glbl", "output": "gpt-4-8K-Outp-glbl"},
        "global batch": {"input": "gpt-4-8K-Batch-Inp-glbl", "output": "gpt-4-8K-Batch-Outp-glbl"},
    },
    ("gpt-4", "0613"): {
        "regional": {"input": "gpt-4-8K-Input-regional", "output": "gpt-4-8K-Output-regional"},
        "global": {"input": "gpt-4-8K-Inp-glbl", "output": "gpt-4-8K-Outp-glbl"},
        "global batch": {"input": "gpt-4-8K-Batch-Inp-glbl", "output": "gpt-4-8K-Batch-Outp-glbl"},
    },
    ("gpt-4", "turbo-2024-04-09"): {
        "regional": {"input": "gpt-4-turbo-128K Input-regional", "output": "gpt-4-turbo-128K Output-regional"},
        "global": {"input": "gpt-4-turbo128K Inp-glbl", "output": "gpt-4-turbo128K Outp-glbl"},
        "global batch": {"input": "gpt-4-Turbo-Batch-128K Inp-glbl", "output": "gpt-4-Turbo-Batch-128K Outp-glbl"},
    },
    ("gpt-4-32k", "0613"): {
        "regional": {"input": "gpt-4-32K-Input-regional", "output": "gpt-4-32K-Output-regional"},
        "global": {"input": "gpt-4-32K-Inp-glbl", "output": "gpt-4-32K-Outp-glbl"},
    },
    ("gpt-4o", "2024-05-13"): {
        "regional": {"input": "gpt 4o 0513 Input regional", "output": "gpt 4o 0513 Output regional"},
        "global": {"input": "gpt 4o 0513 Input global", "output": "gpt 4o 0513 Output global"},
        "data zone": {"input": "gpt 4o 0513 Input Data Zone", "output": "gpt 4o 0513 Output Data Zone"},
        "global batch": {"input": "gpt 4o 0513 Batch Inp glbl", "output": "gpt 4o 0513 Batch Outp glbl"},
        "data zone batch": {"input": "gpt 4o 0513 Batch Inp Data Zone", "output": "gpt 4o 0513 Batch Outp Data Zone"},
    },
    ("gpt-4o", "2024-08-06"): {
        "regional": {
            "input": "gpt-4o-0806-Inp-regnl",
            "cached_input": "gpt 4o 0806 cached Inp regnl",
            "output": "gpt-4o-0806-Outp-regnl",
        },
        "global": {
            "input": "gpt-4o-0806-Inp-glbl",
            "cached_input": "gpt 4o 0806 cached Inp glbl",
            "output": "gpt-4o-0806-Outp-glbl",
        },
        "data zone": {
            "input": "gpt 4o 0806 Inp Data Zone",
            "cached_input": "gpt 4o 0806 cached Inp Data Zone",
            "output": "gpt 4o 0806 Outp Data Zone",
        },
        "global batch": {
            "input": "gpt-4o-0806-Batch-Inp-glbl",
            "output": "gpt-4o-0806-Batch-Outp-glbl",
            "cached_input": "gpt 4o 0806 cached Inp glbl",
        },
        "data zone batch": {
            "input": "gpt 4o 0806 Batch Inp Data Zone",
            "output": "gpt 4o 0806 Batch Outp Data Zone",
            "cached_input": "gpt 4o 0806 cached Inp Data Zone",
        },
    },
    ("gpt-4o", "2024-11-20"): {
        "regional": {
            "input": "gpt 4o 1120 Inp regnl",
            "cached_input": "gpt 4o 1120 cached Inp regnl",
            "output": "gpt 4o 1120 Outp regnl",
        },
        "global": {
            "input": "gpt 4o 1120 Inp glbl",
            "cached_input": "gpt 4o 1120 cached Inp glbl",
            "output": "gpt 4o 1120 Outp glbl",
        },
        "data zone": {
            "input": "gpt 4o 1120 Inp Data Zone",
            "cached_input": "gpt 4o 1120 cached Inp Data Zone",
            "output": "gpt 4o 1120 Outp Data Zone",
        },
        "global batch": {
            "input": "gpt 4o 1120 Batch Inp glbl",
            "output": "gpt 4o 1120 Batch Outp glbl",
            "cached_input": "gpt 4o 1120 cached Inp glbl",
        },
        "data zone batch": {
            "input": "gpt 4o 1120 Batch Inp Data Zone",
            "output": "gpt 4o 1120 Batch Outp Data Zone",
            "cached_input": "gpt 4o 1120 cached Inp Data Zone",
        },
    },
    ("gpt-4o-mini", "2024-07-18"): {
        "regional": {
            "input": "gpt-4o-mini-0718-Inp-regnl",
            "cached_input": "gpt 4o mini 0718 cached Inp regnl",
            "output": "gpt-4o-mini-0718-Outp-regnl",
        },
        "global": {
            "input": "gpt-4o-mini-0718-Inp-glbl",
            "cached_input": "gpt 4o mini 0718 cached Inp glbl",
            "output": "gpt-4o-mini-0718-Outp-glbl",
        },
        "data zone": {
            "input": "gpt 4o mini 0718 Inp Data Zone",
            "cached_input": "gpt 4o mini 0718 cached Inp Data Zone",
            "output": "gpt 4o mini 0718 Outp Data Zone",
        },
        "global batch": {
            "input": "gpt-4o-mini-0718-Batch-Inp-glbl",
            "output": "gpt-4o-mini-0718-Batch-Outp-glbl",
            "cached_input": "gpt 4o mini 0718 cached Inp glbl",
        },
        "data zone batch": {
            "input": "gpt 4o mini 0718 Batch Inp Data Zone",
            "output": "gpt 4o mini0718 BatchOutp DataZone",
            "cached_input": "gpt 4o mini 0718 cached Inp Data Zone",
        },
    },
    ("gpt-4o-audio-preview", "2024-12-17"): {
        "regional": {
            "input": "gpt-4o-aud-1217-txt Inp regnl",
            "output": "gpt-4o-aud-1217-txt Outp regnl",
            "audio_input": "gpt-4o-aud-1217 Inp regnl",
            "audio_output": "gpt-4o-aud-1217 Outp regnl",
        },
        "global": {
            "input": "gpt-4o-aud-1217-txt Inp glbl",
            "output": "gpt-4o-aud-1217-txt Outp glbl",
            "audio_input": "gpt-4o-aud-1217 Inp glbl",
            "audio_output": "gpt-4o-aud-1217 Outp glbl",
        },
        "data zone": {
            "input": "gpt-4o-aud-1217-txt Inp DZone",
            "output": "gpt-4o-aud-1217-txt Outp DZone",
            "audio_input": "gpt-4o-aud-1217 Inp DZone",
            "audio_output": "gpt-4o-aud-1217 Outp DZone",
        },
    },
    ("gpt-4o-mini-audio-preview", "2024-12-17"): {
        "regional": {
            "input": "gpt4omini-aud1217-txt Inp regnl",
            "output": "gpt4omini-aud1217-txt Outp regnl",
            "audio_input": "gpt4omini-aud1217 Inp regnl",
            "audio_output": "gpt4omini-aud1217 Outp regnl",
        },
        "global": {
            "input": "gpt4omini-aud1217-txt Inp glbl",
            "output": "gpt4omini-aud1217-txt Outp glbl",
            "audio_input": "gpt4omini-aud1217 Inp glbl",
            "audio_output": "gpt4omini-aud1217 Outp glbl",
        },
        "data zone": {
            "input": "gpt4omini-aud1217-txt Inp DZone",
            "output": "gpt4omini-aud1217-txt Outp DZone",
            "audio_input": "gpt4omini-aud1217 Inp DZone",
            "audio_output": "gpt4omini-aud1217 Outp DZone",
        },
    },
    ("gpt-4o-realtime-preview", "2024-12-17"): {
        "regional": {
            "input": "gpt-4o-rt-txt-1217 Inp regnl",
            "cached_input": "gpt-4o-rt-txt-1217 cchd Inp rgnl",
            "output": "gpt-4o-rt-txt-1217 Outp regnl",
            "audio_input": "gpt-4o-rt-aud-1217 Inp regnl",
            "audio_output": "gpt-4o-rt-aud-1217 Outp regnl",
        },
        "global": {
            "input": "gpt-4o-rt-txt-1217 Inp glbl",
            "cached_input": "gpt-4o-rt-txt-1217 cchd Inp glbl",
            "output": "gpt-4o-rt-txt-1217 Outp glbl",
            "audio_input": "gpt-4o-rt-aud-1217 Inp glbl",
            "audio_output": "gpt-4o-rt-aud-1217 Outp glbl",
        },
        "data zone": {
            "input": "gpt-4o-rt-txt-1217 Inp DZone",
            "cached_input": "gpt-4o-rt-txt-1217 cchd Inp DZn",
            "output": "gpt-4o-rt-txt-1217 Outp DZone",
            "audio_input": "gpt-4o-rt-aud-1217 Inp DZone",
            "audio_output": "gpt-4o-rt-aud-1217 Outp DZone",
        },
    },
    ("gpt-4o-realtime-preview", "2024-10-01"): {
        "regional": {
            "input": "gpt4o realtime prvw text inp regn",
            "output": "gpt4o realtime prvw text outp regn",
            "audio_input": "gpt4o realtimePrvw audio inp regn",
            "audio_output": "gpt4o realtimePrvw audio outp regn",
        },
        "global": {
            "input": "gpt4o realtime prvw text inp glbl",
            "cached_input": "gpt4o realtime cached text inp glbl",
            "output": "gpt4o realtime prvw text outp glbl",
            "audio_input": "gpt4o realtimePrvw audio inp glbl",
            "audio_output": "gpt4o realtimePrvw audio outp glbl",
        },
        "data zone": {
            "input": "gpt4o realtimePrvwTxtInp DataZone",
            "output": "gpt4o realtimePrvwTxtOutp DataZone",
            "audio_input": "gpt4o realtimePrvwAudInp DataZone",
            "audio_output": "gpt4o realtimePrvwAudOutp DataZone",
        },
    },
    ("gpt-4o-mini-realtime-preview", "2024-12-17"): {
        "regional": {
            "input": "gpt4omini-rt-txt1217 Inp regnl",
            "cached_input": "gpt4omini-rt-txt1217 cchd Inp rgnl",
            "output": "gpt4omini-rt-txt1217 Outp regnl",
            "audio_input": "gpt4omini-rt-aud1217 Inp regnl",
            "audio_output": "gpt4omini-rt-aud1217 Outp regnl",
        },
        "global": {
            "input": "gpt4omini-rt-txt1217 Inp glbl",
            "cached_input": "gpt4omini-rt-txt1217 cchd Inp glbl",
            "output": "gpt4omini-rt-txt1217 Outp glbl",
            "audio_input": "gpt4omini-rt-aud1217 Inp glbl",
            "audio_output": "gpt4omini-rt-aud1217 Outp glbl",
        },
        "data zone": {
            "input": "gpt4omini-rt-txt1217 Inp DZone",
            "cached_input": "gpt4omini-rt-txt1217 cchd Inp DZn",
            "output": "gpt4omini-rt-txt1217 Outp DZone",
            "audio_input": "gpt4omini-rt-aud1217 Inp DZone",
            "audio_output": "gpt4omini-rt-aud1217 Outp DZone",
        },
    },
    ("computer-use-preview", "global"): {
        "regional": {"input": "computer-use-inpt-rgnl", "output": "computer-use-outp-rgnl"},
        "global": {"input": "computer-use-inpt-glbl", "output": "computer-use-outp-glbl"},
        "data zone": {"input": "computer-use-inpt-datazone", "output": "computer-use-outp-datazone"},
        "global batch": {"input": "computer-use-batch-inpt-glbl", "output": "computer-use-batch-outp-glbl"},
        "data zone batch": {"input": "computer-use-batch-inpt-datazone", "output": "computer-use-batch-outp-datazone"},
    },
    ("o1-mini", "2024-09-12"): {
        "regional": {
            "input": "o1 mini input regnl",
            "cached_input": "o1 mini cached input regnl",
            "output": "o1 mini output regnl",
        },
        "global": {
            "input": "o1 mini input glbl",
            "cached_input": "o1 mini cached input glbl",
            "output": "o1 mini output glbl",
        },
        "data zone": {
            "input": "o1 mini input Data Zone",
            "cached_input": "o1 mini cached input Data Zone",
            "output": "o1 mini output Data Zone",
        },
        "global batch": {
            "input": "o1 mini Batch Inp glbl",
            "output": "o1 mini Batch Outp glbl",
            "cached_input": "o1 mini cached input glbl",
        },
        "data zone batch": {
            "input": "o1 mini Batch Inp Data Zone",
            "output": "o1 mini Batch Outp Data Zone",
            "cached_input": "o1 mini cached input Data Zone",
        },
    },
    ("o1", "2024-12-17"): {
        "regional": {
            "input": "o1 1217 Inp regnl",
            "cached_input": "o1 1217 cached Inp regnl",
            "output": "o1 1217 Outp regnl",
        },
        "global": {
            "input": "o1 1217 Inp glbl",
            "cached_input": "o1 1217 cached Inp glbl",
            "output": "o1 1217 Outp glbl",
        },
        "data zone": {
            "input": "o1 1217 Inp Data Zone",
            "cached_input": "o1 1217 cached Inp Data Zone",
            "output": "o1 1217 Outp Data Zone",
        },
        "global batch": {
            "input": "o1 1217 Batch Inp glbl",
            "output": "o1 1217 Batch Outp glbl",
            "cached_input": "o1 1217 cached Inp glbl",
        },
        "data zone batch": {
            "input": "o1 1217 Batch Inp Data Zone",
            "output": "o1 1217 Batch Outp Data Zone",
            "cached_input": "o1 1217 cached Inp Data Zone",
        },
    },
    ("o3-mini", "2025-01-31"): {
        "regional": {
            "input": "o3 mini 0131 input regnl",
            "cached_input": "o3 mini 0131 cached input regnl",
            "output": "o3 mini 0131 output regnl",
        },
        "global": {
            "input": "o3 mini 0131 input glbl",
            "cached_input": "o3 mini 0131 cached input glbl",
            "output": "o3 mini 0131 output glbl",
        },
        "data zone": {
            "input": "o3 mini 0131 input Data Zone",
            "cached_input": "o3 mini 0131 cached input Data Zone",
            "output": "o3 mini 0131 output Data Zone",
        },
        "global batch": {
            "input": "o3 mini 0131 Batch Inp glbl",
            "output": "o3 mini 0131 Batch Outp glbl",
            "cached_input": "o3 mini 0131 cached input glbl",
        },
        "data zone batch": {
            "input": "o3 mini 0131 Batch Inp Data Zone",
            "output": "o3 mini 0131 Batch Outp Data Zone",
            "cached_input": "o3 mini 0131 cached input Data Zone",
        },
    },
}
DEFAULT_VERSIONS = {
    "gpt-4.5-preview": "2025-02-27",
    "gpt-35-turbo": "0125",
    "gpt-35-turbo-16k": "0613",
    "gpt-4": "0613",
    "gpt-4-32k": "0613",
    "gpt-4o": "2024-05-13",
    "gpt-4o-mini": "2024-07-18",
    "gpt-4o-audio-preview": "2024-12-17",
    "gpt-4o-mini-audio-preview": "2024-12-17",
    "gpt-4o-mini-realtime-preview": "2024-12-17",
    "computer-use-preview": "global",
    "o1-mini": "2024-09-12",
    "o1": "2024-12-17",
    "o3-mini": "2025-01-31",
}
"""Model -> the version a deployment without one gets (the default, or the only one)."""

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

LANGUAGE_MODELS = frozenset(model for model, _ in MODELS)
"""Models billed per input / output token (and whose deployments can run Assistants tools)."""
