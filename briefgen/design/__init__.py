"""briefgen.design."""
