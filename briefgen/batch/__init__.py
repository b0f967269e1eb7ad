"""briefgen.batch."""
