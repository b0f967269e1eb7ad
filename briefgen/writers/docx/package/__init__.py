"""briefgen.writers.docx.package."""
