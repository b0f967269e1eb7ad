"""briefgen.writers.docx.styles."""
