"""briefgen.transform."""
