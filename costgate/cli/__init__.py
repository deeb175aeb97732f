"""The command line: `costgate <command>`; main() is the only error boundary."""
