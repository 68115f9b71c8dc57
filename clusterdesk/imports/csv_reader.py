"""CSV as offices write it: UTF-8 with or without a byte order mark, UTF-16 from Excel's
"Unicode text", or Windows-1252 from a Danish Excel; semicolons, commas or tabs."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter

DELIMITERS = (";", ",", "\t", "|")
# What a Danish office's files are in when they are not UTF-8; preferred among equally
# plausible guesses, because short files cannot tell cp1252 from its Central-European cousins.
PREFERRED_LEGACY = "cp1252"


class CsvFormatError(ValueError):
    pass


def detect_encoding(data: bytes) -> str:
    """The encoding of a text file's bytes, as a Python codec name."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    if not results:
        return PREFERRED_LEGACY
    best = min(m.chaos for m in results)
    for match in results:
        if match.encoding == PREFERRED_LEGACY and match.chaos <= best + 0.02:
            return PREFERRED_LEGACY
    return results[0].encoding


def detect_delimiter(text: str) -> str:
    """The separator that splits the most lines into the same number of fields."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    if not lines:
        return ";"
    best, best_score = ";", -1.0
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        modal, frequency = Counter(counts).most_common(1)[0]
        if modal < 2:
            continue
        # Lines agreeing on the field count, weighted a little by how many fields they have.
        score = frequency + modal / 100
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes) -> tuple[list[tuple[str | None, ...]], str, str]:
    """(rows, encoding, delimiter). Every value stays text, so leading zeros survive."""
    if not data.strip():
        return [], "utf-8", ";"
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise CsvFormatError(f"the file's characters could not be read ({exc})") from None
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise CsvFormatError("this is not a text file (it contains binary data)")
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [tuple(cell.strip() or None for cell in row) for row in reader]
    except csv.Error as exc:
        raise CsvFormatError(f"line {reader.line_num} cannot be read: {exc}") from None
    return rows, encoding, delimiter
