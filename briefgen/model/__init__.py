"""briefgen.model."""
