"""`python -m costgate` runs the CLI."""

from costgate.cli.main import entry

entry()
