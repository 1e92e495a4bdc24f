"""Page images of a PDF (pypdfium2) for the in-app preview and for printing; no Qt here.

PDFium is not thread-safe: every call goes through one lock. pypdfium2 ships its own PDFium
library in the wheel (Windows, Linux, macOS), which PyInstaller collects like any other.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2 as pdfium

_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """A rendered page: 4 bytes per pixel, B G R x (Qt's Format_RGB32 on little-endian)."""

    width: int
    height: int
    stride: int
    data: bytes


class PdfPages:
    """An open PDF whose pages can be rendered at any resolution."""

    def __init__(self, pdf: bytes) -> None:
        self._pdf = pdf  # PDFium reads from this buffer for the document's lifetime
        with _PDFIUM:
            self._document = pdfium.PdfDocument(pdf)
            self.sizes = [self._document[i].get_size() for i in range(len(self._document))]

    @property
    def count(self) -> int:
        return len(self.sizes)

    def render(self, index: int, dpi: float) -> PageImage:
        """Page `index` (from 0) at `dpi` dots per inch, on white."""
        with _PDFIUM:
            page = self._document[index]
            bitmap = page.render(scale=dpi / 72.0, prefer_bgrx=True)
            image = PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            page.close()
        return image

    def close(self) -> None:
        with _PDFIUM:
            self._document.close()
