"""PDF output (reportlab): document model → branded PDF."""

from .document import PdfResult, write_pdf

__all__ = ["PdfResult", "write_pdf"]
