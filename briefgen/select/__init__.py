"""briefgen.select."""
