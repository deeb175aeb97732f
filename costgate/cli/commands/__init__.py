"""One module per sub-command: `register(subparsers)` adds it, `run(args)` does it."""
