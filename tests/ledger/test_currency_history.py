"""Runs recorded in another currency (`--currency EUR`) on SQLite and PostgreSQL: `history` never
adds them to dollars nor labels them USD, `anomalies` refuses to compare them with dollars unless
told which to scan, and the gate's anomaly rule reads only the pull request's currency."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from costgate.ledger.anomalies import cost_history, read_history
from costgate.ledger.record import HistoryEntry
from costgate.ledger.store import Ledger
from tests.helpers import run_cli
from tests.ledger.records import make_run

START = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)


def _record(url: str) -> None:
    ledger = Ledger.open(url)
    try:
        ledger.record(make_run(project="api", team="core", before="0", after="100", when=START, pull_request=1))
        ledger.record(
            make_run(
                project="shop",
                team="core",
                before="0",
                after="80",
                when=START + timedelta(days=1),
                pull_request=2,
                currency="EUR",
            )
        )
        ledger.record(
            make_run(
                project="api",
                team="core",
                before="100",
                after="130",
                when=START + timedelta(days=31),
                pull_request=3,
            )
        )
    finally:
        ledger.close()


def test_history_keeps_each_currency_apart_and_labels_it(ledger_url: str) -> None:
    _record(ledger_url)
    doc = json.loads(run_cli("history", "--ledger", ledger_url, "--by", "team", "--format", "json").out)
    assert doc["version"] == 2 and doc["currency"] is None  # two currencies: no single label
    assert [(s["key"], s["currency"], [(m["month"], m["run_rate"]) for m in s["months"]]) for s in doc["series"]] == [
        ("core", "EUR", [("2026-04", "80"), ("2026-05", "80")]),
        ("core", "USD", [("2026-04", "100"), ("2026-05", "130")]),
    ]
    eur = json.loads(run_cli("history", "--ledger", ledger_url, "--currency", "eur", "--format", "json").out)
    assert eur["currency"] == "EUR" and [s["key"] for s in eur["series"]] == ["shop"]
    table = run_cli("history", "--ledger", ledger_url, "--by", "team").out
    assert "team core (EUR)" in table and "team core (USD)" in table and "never added up" in table
    rows = list(csv.DictReader(io.StringIO(run_cli("history", "--ledger", ledger_url, "--format", "csv").out)))
    assert {(r["key"], r["currency"]) for r in rows} == {("api", "USD"), ("shop", "EUR")}


def test_anomalies_asks_which_currency_to_scan(ledger_url: str) -> None:
    _record(ledger_url)
    r = run_cli("anomalies", "--ledger", ledger_url)
    assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert "holds runs in EUR, USD; pass --currency" in r.err
    ok = run_cli("anomalies", "--ledger", ledger_url, "--currency", "EUR", "--format", "json")
    assert ok.code == 0, ok.err
    assert json.loads(ok.out)["currency"] == "EUR"


def test_the_rule_reads_only_the_pull_requests_currency(ledger_url: str) -> None:
    _record(ledger_url)
    ledger = Ledger.open(ledger_url)
    try:
        as_of = START + timedelta(days=40)
        usd = read_history(ledger, as_of=as_of, window_days=90, currency="USD")
        eur = read_history(ledger, as_of=as_of, window_days=90, currency="EUR")
        # a project whose runs switch currency starts again: its first run in the new one is no change
        recorded = ledger.history()
    finally:
        ledger.close()
    assert {c.project for c in usd.changes} == {"api"} and usd.run_rates == {"api": Decimal(130)}
    assert {c.project for c in eur.changes} == {"shop"} and eur.run_rates == {"shop": Decimal(80)}
    # a project whose runs switch currency starts again: its first run in the new one is no change
    in_euros = HistoryEntry(
        99,
        START + timedelta(days=35),
        "api",
        "core",
        None,
        4,
        None,
        None,
        Decimal(110),
        Decimal(120),
        Decimal(10),
        "EUR",
    )
    switched = cost_history([*recorded, in_euros], currency="EUR")
    api = [c for c in switched.changes if c.project == "api"]
    assert [(c.first, c.delta) for c in api] == [(True, Decimal(10))]
    assert switched.run_rates == {"shop": Decimal(80), "api": Decimal(120)}
