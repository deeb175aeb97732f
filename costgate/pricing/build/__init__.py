"""`costgate catalog build`: derive pricing_data/ from public price files.

Each source module turns one public file into CatalogRows in the cloud's own schema;
`writer` groups them into one sorted text file per provider and service and writes the
manifest. Sources read ../shared/corpus/prices (or any folder with the same layout).
"""
