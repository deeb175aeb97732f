"""One module per output format, each a class decorated with report.registry.register.

The registry imports every module here; nothing else lists them (docs/output-layer.md).
"""
