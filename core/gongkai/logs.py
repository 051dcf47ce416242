"""The log messages of the libraries gongkai reads with, kept off stderr: pdfminer warns about
every oddity of a damaged file, and the command line says what is wrong with a file in its one
line."""

from __future__ import annotations

import logging


def quiet_libraries() -> None:
    """Drop the log messages of the PDF library (pdfminer) instead of printing them."""
    logger = logging.getLogger("pdfminer")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
