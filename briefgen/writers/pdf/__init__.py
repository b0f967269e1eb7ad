"""PDF output (reportlab): document model → branded PDF."""

from briefgen.libs.rl_internals import load_platypus

load_platypus()  # before any module below imports reportlab.platypus

from briefgen.writers.pdf.document import PdfResult, measure, write_pdf  # noqa: E402

__all__ = ["PdfResult", "measure", "write_pdf"]
