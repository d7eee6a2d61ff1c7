"""Files in: the one tabular reader and a reader per file kind built on it."""
