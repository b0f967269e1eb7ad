"""briefgen.templating."""
