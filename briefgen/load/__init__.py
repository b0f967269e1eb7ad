"""briefgen.load."""
