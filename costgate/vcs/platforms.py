"""The pull-request platforms by their `costgate comment <platform>` name, each read from its class.

Why: `comment --dry-run` renders for a platform without a token or a pull request, so it needs the
platform's comment size limit and HTML support before any instance exists. They used to be copied
into the command as tables that could drift from the classes; now each class states them once
(vcs/base.PlatformTraits) and this module only says where each class lives.
"""

from __future__ import annotations

import importlib

from costgate.errors import VcsError
from costgate.vcs.base import PlatformTraits

_CLASSES = {
    "github": ("costgate.vcs.github", "GitHubPlatform"),
    "gitlab": ("costgate.vcs.gitlab", "GitLabPlatform"),
    "azure-repos": ("costgate.vcs.azure_repos", "AzureReposPlatform"),
    "bitbucket": ("costgate.vcs.bitbucket", "BitbucketPlatform"),
}


def platform_names() -> list[str]:
    """The platform names `costgate comment` takes."""
    return list(_CLASSES)


def platform_class(name: str) -> type[PlatformTraits]:
    """The class of platform `name` (its module is imported now). Raises VcsError for another name."""
    try:
        module, attribute = _CLASSES[name]
    except KeyError:
        raise VcsError(f"unknown platform {name!r} (choose from {', '.join(_CLASSES)})") from None
    cls: type[PlatformTraits] = getattr(importlib.import_module(module), attribute)
    return cls
