"""Money as an exact Decimal with an ISO 4217 currency; stored as integer minor units."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

# Currencies a Danish cluster meets most; any ISO 4217 code is accepted.
COMMON_CURRENCIES = ("DKK", "EUR", "SEK", "NOK", "USD", "GBP", "PLN", "CHF")
_MINOR_UNIT_EXCEPTIONS = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "BHD": 3, "KWD": 3, "TND": 3}


def minor_unit_digits(currency: str) -> int:
    return _MINOR_UNIT_EXCEPTIONS.get(currency.upper(), 2)


@dataclass(frozen=True, order=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be a Decimal, never a float")
        code = self.currency.upper()
        if len(code) != 3 or not code.isalpha():
            raise ValueError(f"'{self.currency}' is not an ISO 4217 currency code")
        quantum = Decimal(1).scaleb(-minor_unit_digits(code))
        object.__setattr__(self, "currency", code)
        object.__setattr__(self, "amount", self.amount.quantize(quantum, ROUND_HALF_EVEN))

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        try:
            return cls(Decimal(str(amount).replace(" ", "")), currency)
        except InvalidOperation as exc:
            raise ValueError(f"'{amount}' is not an amount") from exc

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        return cls(Decimal(minor).scaleb(-minor_unit_digits(currency)), currency)

    @property
    def minor(self) -> int:
        return int(self.amount.scaleb(minor_unit_digits(self.currency)))

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: int | Decimal) -> Money:
        if isinstance(factor, float):
            raise TypeError("multiply Money by a Decimal or int, never a float")
        return Money(self.amount * factor, self.currency)

    def __str__(self) -> str:
        return f"{self.amount:,} {self.currency}"


def parse_amount(text: str) -> Decimal | None:
    """An amount as typed in Denmark or in English: '45.000', '45 000', '1.250,50',
    '1,250.50', '12,5' (comma = decimal), '12.50'. '' → None; raises ValueError."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "").replace("kr.", "").replace("kr", "")
    if not raw:
        return None
    if "," in raw and "." in raw:
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in raw:
        parts = raw.split(",")
        # '1,250,000' groups thousands; a single comma is the Danish decimal comma.
        raw = raw.replace(",", "") if len(parts) > 2 else raw.replace(",", ".")
    elif raw.count(".") > 1 or (raw.count(".") == 1 and len(raw.split(".")[1]) == 3):
        raw = raw.replace(".", "")  # '45.000' and '1.250.000' group thousands
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"“{text}” is not an amount; write e.g. 45.000 or 1.250,50") from None
    if not value.is_finite():
        raise ValueError(f"“{text}” is not an amount")
    return value


_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}


def parse_money(text: str, default_currency: str) -> Money | None:
    """An amount typed with or without its currency: '1.450', '1.450 EUR', 'EUR 1.450',
    '€1.450,50'. '' → None; raises ValueError saying what is wrong."""
    raw = text.strip()
    if not raw:
        return None
    currency = default_currency
    for symbol, code in _SYMBOLS.items():
        if symbol in raw:
            raw, currency = raw.replace(symbol, " "), code
    words = raw.split()
    codes = [w for w in words if len(w) == 3 and w.isalpha() and w.lower() not in ("kr.",)]
    if codes:
        currency = codes[0].upper()
        words = [w for w in words if w is not codes[0]]
        from babel.numbers import list_currencies

        if currency not in list_currencies():
            raise ValueError(f"“{codes[0]}” is not a currency code (e.g. DKK, EUR)")
    amount = parse_amount(" ".join(words))
    if amount is None:
        raise ValueError(f"“{text.strip()}” has no amount")
    return Money(amount, currency)
