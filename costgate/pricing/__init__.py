"""The offline pricing catalog: shipped rows, their manifest, the SQLite index, lookups."""
