"""briefgen.fonts."""
