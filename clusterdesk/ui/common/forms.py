"""Form fields for fast keyboard entry, and marking a field whose value was refused."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.countries import all_countries, country_name, resolve_country
from ...domain.dates import DateParseError, parse_date
from ...domain.formatting import format_date


def mark_invalid(widget: QWidget, message: str | None) -> None:
    """Show (or clear) a red border and the message as tooltip — and under the field when
    it was placed `with_message` — ; the typed value stays."""
    widget.setProperty("invalid", bool(message))
    widget.setToolTip(message or widget.property("normal_tooltip") or "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    label = getattr(widget, "_field_message", None)
    if label is not None:
        label.setText(message or "")
        label.setVisible(bool(message))


def attach_message(widget: QWidget, label: QLabel) -> None:
    """Let mark_invalid write the widget's message into `label` (shared by a row of fields)."""
    widget._field_message = label


def with_message(widget: QWidget, *, beside: QWidget | None = None) -> QWidget:
    """The field (and an optional hint beside it) with a line underneath where a refused
    value's reason appears. Mnemonics and focus go to the field."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(1)
    if beside is None:
        column.addWidget(widget)
    else:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        row.addWidget(beside)
        column.addLayout(row)
    label = error_label()
    column.addWidget(label)
    attach_message(widget, label)
    box.setFocusProxy(widget)
    return box


def refuse_with_everything(errors: dict[str, str], check) -> None:
    """Raise ValidationError for the fields this form could not read, together with what
    the service's `check()` finds wrong in the rest — every problem shown at once."""
    if not errors:
        return
    from ...services.errors import ValidationError

    try:
        check()
    except ValidationError as exc:
        errors = {**errors, **{k: v for k, v in exc.errors.items() if k not in errors}}
    raise ValidationError(errors)


def entry_text(value: date | None) -> str:
    """A date as it is typed into a field (and read back by DateField): dd-mm-yyyy."""
    return value.strftime("%d-%m-%Y") if value else ""


class DateField(QLineEdit):
    """A date typed day first, or 'today', '+14', '-3'; empty means no date."""

    def __init__(self, parent: QWidget | None = None, today=date.today) -> None:
        super().__init__(parent)
        self._today = today
        self.setPlaceholderText("dd-mm-yyyy, today, +14")
        self.setProperty("normal_tooltip", "Day first (27-11-2026), or today, +14 (days ahead), -3")
        self.setToolTip(self.property("normal_tooltip"))
        self.editingFinished.connect(self._normalise)

    def set_date(self, value: date | None) -> None:
        self.setText(entry_text(value))

    def date(self) -> date | None:
        """The date typed; raises DateParseError with a message for the user."""
        return parse_date(self.text(), self._today())

    def _normalise(self) -> None:
        try:
            value = self.date()
        except DateParseError:
            return
        if value is not None:
            self.set_date(value)
            self.setToolTip(format_date(value, style="full"))


class CountryField(QComboBox):
    """An editable country choice that also understands 'UK', 'Tyskland', 'DE'."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, allow_empty: bool = True) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Not as wide as the longest country name: the field beside it keeps its room.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        if allow_empty:
            self.addItem("", None)
        for code, name in all_countries():
            self.addItem(name, code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        self.setCurrentIndex(max(0, index))
        if code and index < 0:
            self.setEditText(code)

    def code(self) -> str | None:
        """The ISO code; raises ValueError naming the text when it is not a country."""
        text = self.currentText().strip()
        if not text:
            return None
        data = self.currentData()
        if data and self.itemText(self.currentIndex()) == text:
            return data
        resolved = resolve_country(text)
        if resolved is None:
            raise ValueError(f"“{text}” is not a country we know; pick one from the list")
        return resolved


class CountryListField(QLineEdit):
    """Several countries as text, e.g. 'Germany, Sverige, UK'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("e.g. Germany, Sweden, USA")
        names = [name for _code, name in all_countries()]
        completer = QCompleter(QStringListModel(names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._completer = completer

    def set_codes(self, codes) -> None:
        self.setText(", ".join(country_name(c) for c in codes))

    def codes(self) -> tuple[str, ...]:
        """The codes typed; raises ValueError naming every entry that is not a country."""
        parts = [p.strip() for p in self.text().replace(";", ",").split(",") if p.strip()]
        codes, bad = [], []
        for part in parts:
            code = resolve_country(part)
            (codes if code else bad).append(code or part)
        if bad:
            raise ValueError("not a country: " + ", ".join(f"“{b}”" for b in bad))
        return tuple(dict.fromkeys(codes))


def split_list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace(";", ",").split(",") if p.strip())


def error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def enum_combo(enum, all_label: str | None = None) -> QComboBox:
    """A choice of a LabelledEnum's members (data = value); with `all_label` first an
    'any' entry (data None), for filters."""
    combo = QComboBox()
    if all_label is not None:
        combo.addItem(all_label, None)
    for value, label in enum.choices():
        combo.addItem(label, value)
    return combo


def select_data(combo: QComboBox, value) -> None:
    """Show the entry whose data is `value` (the first one when none is)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


class MoneyField(QWidget):
    """An amount typed the Danish or the English way, and its currency; empty = no amount."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, currency: str = "DKK") -> None:
        from ...domain.money import COMMON_CURRENCIES

        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 45.000 or 1.250,50")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.setCurrentText(currency)
        self.currency.setMaximumWidth(80)
        layout.addWidget(self.amount, 1)
        layout.addWidget(self.currency)
        self.setFocusProxy(self.amount)
        self.amount.textChanged.connect(self.changed)
        self.currency.editTextChanged.connect(self.changed)

    def set_money(self, value) -> None:
        from ...domain.formatting import format_amount

        self.amount.setText(format_amount(value))
        if value is not None:
            self.currency.setCurrentText(value.currency)

    def money(self):
        """The Money typed, or None; raises ValueError naming what is wrong."""
        from ...domain.money import Money, parse_amount

        amount = parse_amount(self.amount.text())
        if amount is None:
            return None
        code = self.currency.currentText().strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise ValueError(f"“{self.currency.currentText()}” is not a currency code (e.g. DKK, EUR)")
        return Money(amount, code)


def add_row(form: QFormLayout, label: str, first: QWidget, *rest: QWidget | str) -> None:
    """A form row whose label's Alt-key reaches `first`; further (label text, widget) pairs
    stand beside it on the same line, each label reaching its widget."""
    title = QLabel(label)
    title.setBuddy(first)
    # The label sits at the top of a tall field (a list, notes).
    if first.sizeHint().height() > 60 and not rest:
        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        title.setSizePolicy(title.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Expanding)
    if not rest:
        form.addRow(title, first)
        return
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1)
    pending = None
    for part in rest:
        if isinstance(part, str):
            pending = QLabel(part)
            row.addWidget(pending)
        else:
            if pending is not None:
                pending.setBuddy(part)
                pending = None
            row.addWidget(part, 1 if not isinstance(part, (QLabel, QPushButton)) else 0)
    # Level with the row of fields beside it (the form puts labels at the top of their row).
    title.setMinimumHeight(holder.sizeHint().height())
    title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.addRow(title, holder)
def find_data(combo: QComboBox, value) -> int:
    """The index of the item whose data equals `value` (Python equality: QComboBox.findData
    only finds the very same object for values such as UUIDs); -1 when none does."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def show_field_errors(fields: dict[str, QWidget], errors: dict[str, str], label: QLabel,
                      names: dict[str, str] | None = None) -> QWidget | None:
    """Mark each refused field with its reason (the typing stays), put the keyboard on the
    first one in form order and say what is wrong in `label`. Returns that field."""
    names = names or {}
    for key, message in errors.items():
        widget = fields.get(key)
        if widget is not None:
            mark_invalid(widget, message)
    first = next((widget for key, widget in fields.items() if key in errors), None)
    if first is not None:
        first.setFocus()

    def name(key: str) -> str:
        return names.get(key, key.replace("_", " ").capitalize())

    # A reason already written under its field is not repeated; the summary names the field.
    shown_below = [key for key in errors if getattr(fields.get(key), "_field_message", None)]
    others = [f"{name(key)}: {message}" if key in fields or key in names else message
              for key, message in errors.items() if key not in shown_below]
    parts = []
    if shown_below:
        parts.append("see the fields marked in red: " + ", ".join(name(k) for k in shown_below))
    parts.extend(others)
    label.setText("Not saved — " + "; ".join(parts) + ("." if not others else ""))
    label.show()
    return first


def clear_field_errors(fields: dict[str, QWidget], label: QLabel) -> None:
    for widget in fields.values():
        mark_invalid(widget, None)
    label.hide()


class LanguageField(QComboBox):
    """An editable language choice that also understands 'dansk', 'Deutsch', 'de'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from ...domain.languages import language_choices

        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for code, name in language_choices():
            self.addItem(name, code)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompleter(completer)

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(0, index))
        if code and index < 0:
            self.setEditText(code)

    def text(self) -> str:
        """What to save: the code of a listed language, else the text as typed (the service
        says whether it knows it)."""
        text = self.currentText().strip()
        if text and self.itemText(self.currentIndex()) == text:
            return self.currentData() or ""
        return text


class PhoneField(QLineEdit):
    """A phone number as typed; a hint beside it shows how it was understood (+45 22 33 44 55)
    or what is wrong, while typing continues undisturbed."""

    def __init__(self, hint: QLabel, region=lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = hint
        self._region = region
        self.setPlaceholderText("e.g. 22 33 44 55 or +49 30 1234567")
        self.textChanged.connect(self._explain)

    def _explain(self, text: str) -> None:
        from ...domain.validation import InvalidValue, parse_phone

        try:
            phone = parse_phone(text, self._region())
        except InvalidValue:
            self._hint.setText("not a complete number yet" if text.strip() else "")
            return
        self._hint.setText(f"→ {phone.international}" if phone else "")


def scrolled_form() -> tuple[QScrollArea, QFormLayout]:
    """A form that scrolls when the editor is short of room, its rows at the top."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    body = QWidget()
    form = top_aligned_form(body)
    scroll.setWidget(body)
    return scroll, form


def top_aligned_form(body: QWidget) -> QFormLayout:
    """A form at the top of `body`: its rows keep their natural height and the space left
    over stays below them (a form alone spreads its rows over a tall scroll area)."""
    column = QVBoxLayout(body)
    form = QFormLayout()
    column.addLayout(form)
    column.addStretch(1)
    return form


def text_box(height: int = 0, placeholder: str = "") -> QPlainTextEdit:
    """A few lines of free text in a form: Tab leaves it (as in every other field), and it
    keeps a fixed height so the form does not jump while typing."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    if height:
        box.setFixedHeight(height)
    box.setPlaceholderText(placeholder)
    return box


def lock_fields(fields, locked: bool) -> None:
    """Fields that can be read (and copied from) but not changed: for a workspace open
    read-only, so nobody types what cannot be saved."""
    for widget in fields:
        if hasattr(widget, "setReadOnly"):
            widget.setReadOnly(locked)
        else:
            widget.setEnabled(not locked)
