"""briefgen.writers."""
