"""Registry and publication files: read, validate, write."""
