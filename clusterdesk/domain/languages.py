"""Languages a contact speaks, stored as ISO 639-1 codes ('da'), typed in any common way:
'da', 'dan', 'Danish', 'dansk', 'Deutsch', 'tysk'."""

from __future__ import annotations

import contextlib
import unicodedata
from functools import cache

# The languages a Nordic cluster meets most come first in choices.
COMMON = ("da", "en", "de", "sv", "nb", "no", "fi", "nl", "fr", "es", "it", "pl", "lt", "lv",
          "et", "is", "zh", "ja")
# Languages whose own name ('Deutsch', 'polski') is also understood; loading every locale
# of babel would cost more than half a second.
NATIVE_NAMES = (*COMMON, "pt", "cs", "sk", "hu", "ro", "bg", "hr", "sl", "sr", "el", "tr", "ru",
                "uk", "ga", "mt", "ar", "hi", "ko", "vi", "fo", "kl")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).strip().lower().split())


@cache
def _names() -> dict[str, str]:
    """code → English name, for every language with a two-letter code."""
    import pycountry
    from babel import Locale

    english = Locale.parse("en").languages
    return {lang.alpha_2: english.get(lang.alpha_2, lang.name)
            for lang in pycountry.languages if hasattr(lang, "alpha_2")}


@cache
def _index() -> dict[str, str]:
    import pycountry
    from babel import Locale, UnknownLocaleError

    danish = Locale.parse("da").languages
    index: dict[str, str] = {}
    for lang in pycountry.languages:
        code = getattr(lang, "alpha_2", None)
        if not code:
            continue
        names = {code, lang.alpha_3, getattr(lang, "bibliographic", ""), lang.name,
                 _names()[code], danish.get(code, "")}
        if code in NATIVE_NAMES:
            with contextlib.suppress(UnknownLocaleError, ValueError):
                names.add(Locale.parse(code).get_language_name(code) or "")
        for name in names:
            if name:
                index.setdefault(_fold(name), code)
    return index


def resolve_language(text: str | None) -> str | None:
    """The two-letter code for a language as typed, or None when it is not recognised."""
    if not text or not text.strip():
        return None
    return _index().get(_fold(text))


def language_name(code: str | None) -> str:
    """'de' → 'German'; '' for no language; an unknown code as it is."""
    if not code:
        return ""
    return _names().get(code, code)


def language_choices() -> list[tuple[str, str]]:
    """(code, English name): the common ones first, then the rest by name."""
    names = _names()
    first = [(code, names[code]) for code in COMMON if code in names]
    rest = sorted(((c, n) for c, n in names.items() if c not in COMMON), key=lambda p: p[1])
    return first + rest
