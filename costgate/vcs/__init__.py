"""Pull-request platforms: one module per platform behind the Platform protocol (base.py), one
HTTP path (http.py) and one sticky-comment algorithm (sticky.py) shared by all."""
