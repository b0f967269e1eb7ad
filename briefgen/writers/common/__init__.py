"""briefgen.writers.common."""
