"""PDF pages as images, for the in-app preview and for printing through Qt.

pdfium renders in C at any resolution; QImage may be built on a worker thread (unlike
QPixmap), so rendering never blocks the UI.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72


def render_pages(pdf: bytes, dpi: int = 110) -> list[QImage]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before pdfium frees its bitmap
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()
