"""Reports: an Estimate (and findings) in, text out, one module per format."""
