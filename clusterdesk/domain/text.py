"""Text normalisation shared by search, sorting and duplicate detection."""

from __future__ import annotations

import unicodedata

# Danish letters sort after z; fold them for search but keep them for display.
_SEARCH_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# How the same letters come out on a keyboard without them: "Orsted", "Arhus", "Muller".
_PLAIN_FOLD = str.maketrans({"æ": "a", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


_SPELLED_TWO_WAYS = frozenset("æøåäöüß")


def _lowered(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _unaccented(text: str) -> str:
    if text.isascii():  # most text, once æ, ø, å are folded: nothing to take off
        return " ".join(text.split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def search_fold(text: str | None) -> str:
    """Lower-case, accent- and space-folded form used for filter-as-you-type matching."""
    return _unaccented(_lowered(text).translate(_SEARCH_FOLD)) if text else ""


def plain_fold(text: str | None) -> str:
    """Like search_fold, but with the letters as typed without them: ø → o, å → a, æ → a."""
    return _unaccented(_lowered(text).translate(_PLAIN_FOLD)) if text else ""


def search_index(text: str | None) -> str:
    """What a search column holds: the folded text, then the words that a keyboard without
    æ, ø, å (or ä, ö, ü) gives differently — "roskilde roer … ror" — so that "Rør", "Roer"
    and "Ror" all find Roskilde Rør."""
    if not text:
        return ""
    lowered = _lowered(text)
    folded = _unaccented(lowered.translate(_SEARCH_FOLD))
    if _SPELLED_TWO_WAYS.isdisjoint(lowered):
        return folded
    words = set(folded.split())
    plain = _unaccented(lowered.translate(_PLAIN_FOLD)).split()
    others = [w for w in dict.fromkeys(plain) if w not in words]
    return " ".join((folded, *others)) if others else folded


def search_terms(text: str | None) -> list[tuple[str, ...]]:
    """The typed words, each with the spellings it may match (all words must match, each in
    one of its spellings): "Ørsted" → ("oersted", "orsted"), so it finds "Oersted" as well."""
    terms = []
    for word in (text or "").split():
        spellings = tuple(dict.fromkeys(s for s in (search_fold(word), plain_fold(word)) if s))
        if spellings:
            terms.append(spellings)
    return terms


def terms_narrow(new: str | None, old: str | None) -> bool:
    """True when everything the typed text `new` matches is matched by `old` as well (as when
    a letter is typed on): every word of old has a word in new whose every spelling contains
    one of its spellings."""
    new_terms = search_terms(new)
    return all(any(all(any(o in n for o in old_term) for n in new_term) for new_term in new_terms)
               for old_term in search_terms(old))


def sort_key(text: str | None) -> str:
    """A case-insensitive key that sorts names the way people expect in a list."""
    return search_fold(text)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 partner', '3 partners', '1,200 rows', '2 countries' (give `many` when adding 's' is
    wrong)."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"
