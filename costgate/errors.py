"""Every error costgate raises on purpose, one root per layer.

    CostgateError
    ├── ReaderError            input files (plan JSON, HCL, state, usage file)
    │   ├── PlanJsonReaderError
    │   ├── HclReaderError
    │   ├── UsageFileError
    │   ├── GitRefError        the base ref of --compare-to (not a repository, unknown ref)
    │   └── InvalidValueError  a value is not what its pricer declared (-> "not priced")
    ├── ConfigError            costgate.yml
    ├── CatalogError           the pricing catalog (missing, tampered, bad query)
    │   └── CatalogBuildError
    ├── PolicyError            policies and rules
    ├── VcsError               pull-request platforms
    ├── LedgerError            the cost ledger (unreachable, newer schema than this costgate)
    ├── SpendError             actual spend from a cloud billing API (credentials, access, throttling)
    └── UsageError             command-line options that contradict each other

The CLI boundary turns any of these into exit code 2 and one line on stderr that names the
file and the problem (`str(error)`); anything else is an internal error.
"""

from __future__ import annotations


class CostgateError(Exception):
    """Root of costgate's own errors; its message is the one line users see."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ReaderError(CostgateError):
    """An input file cannot be read as what it claims to be."""


class PlanJsonReaderError(ReaderError):
    """A `terraform show -json` file is broken, truncated or not a plan."""


class HclReaderError(ReaderError):
    """Terraform configuration (.tf files, tfvars, var files) cannot be read: syntax errors,
    unreadable files, a variable value that does not parse. The message is `file:line:col: problem`."""


class UsageFileError(ReaderError):
    """A usage file is not valid YAML or does not follow the usage-file format."""


class GitRefError(ReaderError):
    """The base of a branch diff cannot be read: not a git repository, or a ref git does not know."""


class InvalidValueError(ReaderError):
    """A value a pricer reads is not of the type it declared (a size of -5 GB, NaN, a list).

    Raised by the typed accessors of `costgate.resources.base`; the estimate turns it into a
    "not priced" component with `reason` (the resource is reported, never priced at a
    negative or meaningless amount), so it reaches the CLI only from code outside a pricer.
    """

    def __init__(self, what: str, value: object, expected: str) -> None:
        self.reason = f"{what} is {shown_value(value)}, expected {expected}"
        super().__init__(self.reason)


def shown_value(value: object, limit: int = 40) -> str:
    """A plan value for a message: repr (control characters escaped), cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ConfigError(CostgateError):
    """costgate.yml is invalid; the message names the key."""


class CatalogError(CostgateError):
    """The pricing catalog is missing, tampered with, or cannot answer."""


class CatalogBuildError(CatalogError):
    """A price source cannot be turned into catalog rows."""


class PolicyError(CostgateError):
    """A policy or rule cannot be loaded or evaluated."""


class VcsError(CostgateError):
    """A pull-request platform refused or failed a request."""


class LedgerError(CostgateError):
    """The ledger database cannot be reached or written, or its schema is newer than this costgate
    knows; the message names the URL without its password."""


class SpendError(CostgateError):
    """A cloud billing API (AWS Cost Explorer) cannot give the actual spend: no credentials,
    access denied, throttled past the retries, or an answer costgate cannot read."""


class UsageError(CostgateError):
    """Options that parse one by one but not together (--changed-only without --compare-to)."""
