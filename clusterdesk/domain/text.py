"""Text normalisation shared by search, sorting and duplicate detection."""

from __future__ import annotations

import unicodedata

# Danish letters sort after z; fold them for search but keep them for display.
_SEARCH_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def search_fold(text: str | None) -> str:
    """Lower-case, accent- and space-folded form used for filter-as-you-type matching."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower().translate(_SEARCH_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def sort_key(text: str | None) -> str:
    """A case-insensitive key that sorts names the way people expect in a list."""
    return search_fold(text)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 partner', '3 partners', '2 countries' (give `many` when adding 's' is wrong)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
