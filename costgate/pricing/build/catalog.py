"""The build pipeline: every known source, in priority order, merged and written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from costgate.pricing.build import cyclenerd_gcp, karpenter_aws, karpenter_azure, price_facts, terracost
from costgate.pricing.build.writer import BuildReport, merge, read_sources_tsv, write_catalog
from costgate.pricing.manifest import Manifest, SourceInfo
from costgate.pricing.rows import CatalogRow

SourceFn = Callable[[Path], Iterable[CatalogRow]]

# Product-level sources first: where they price a product, a line-item mapping does not override.
SOURCES: list[tuple[str, SourceFn]] = [
    (karpenter_aws.SOURCE_ID, karpenter_aws.rows),
    (terracost.SOURCE_ID, terracost.rows),
    (karpenter_azure.SOURCE_ID, karpenter_azure.rows),
    (cyclenerd_gcp.SOURCE_ID, cyclenerd_gcp.rows),
    (price_facts.SOURCE_ID, price_facts.rows),
]


def build_catalog(
    prices_dir: Path,
    out_dir: Path,
    *,
    only: list[str] | None = None,
    mapping_report: price_facts.MappingReport | None = None,
) -> tuple[Manifest, BuildReport]:
    """Build pricing_data/ at `out_dir` from the public price files under `prices_dir`."""
    report = BuildReport()
    mreport = mapping_report if mapping_report is not None else price_facts.MappingReport()
    chosen = [(sid, fn) for sid, fn in SOURCES if not only or sid in only]

    def produce() -> Iterable[tuple[str, Iterable[CatalogRow]]]:
        for sid, fn in chosen:
            if sid == price_facts.SOURCE_ID:
                yield sid, price_facts.rows(prices_dir, report=mreport)
            else:
                yield sid, fn(prices_dir)

    rows = merge(produce(), report)
    meta = read_sources_tsv(prices_dir)
    sources = [meta.get(sid) or SourceInfo(id=sid, upstream="", price_date="") for sid, _ in chosen]
    manifest = write_catalog(rows, out_dir, sources, report)
    return manifest, report
