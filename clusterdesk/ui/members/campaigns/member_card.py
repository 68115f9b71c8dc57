"""The left half of the call screen: who the member is, whom to talk to (phone numbers large
and copyable), what the member wants internationally, and the last interactions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....domain.campaigns import TargetStatus
from ....domain.countries import country_name
from ....domain.enums import InteractionKind, InternationalOrientation
from ....domain.formatting import format_date
from ....domain.markets import InterestSource

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


def _label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


class MemberCard(QWidget):
    copied = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        self.name = _label(role="heading")
        self.name.setTextInteractionFlags(SELECTABLE)
        self.facts = _label(role="hint")
        self.status = _label()
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.status)
        layout.addWidget(_label("Talking to", role="subheading"))
        self.contacts_box = QFrame()
        self.contacts_layout = QGridLayout(self.contacts_box)
        self.contacts_layout.setContentsMargins(0, 0, 0, 0)
        self.contacts_layout.setVerticalSpacing(2)
        layout.addWidget(self.contacts_box)
        self.group = QButtonGroup(self)
        layout.addWidget(_label("International", role="subheading"))
        self.markets = _label()
        layout.addWidget(self.markets)
        self.notes = _label(role="hint")
        layout.addWidget(self.notes)
        layout.addWidget(_label("Last interactions", role="subheading"))
        self.history = _label()
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setTextInteractionFlags(SELECTABLE)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.card = None
        self.radios: list[tuple[object, QRadioButton]] = []
        big = QFont()
        big.setPointSizeF(big.pointSizeF() * 1.45)
        big.setBold(True)
        self._phone_font = big

    def show_card(self, card, today) -> None:
        self.card = card
        self.name.setText(card.member_name)
        facts = [card.city, InternationalOrientation(card.orientation).label, ", ".join(card.sectors)]
        self.facts.setText(" · ".join(f for f in facts if f))
        self.status.setText(self._status_text(card, today))
        self._fill_contacts(card)
        if card.markets:
            by_country: dict[str, list[str]] = {}
            for code, source in card.markets:
                by_country.setdefault(code, []).append(InterestSource(source).label.split()[0].lower())
            self.markets.setText("Markets of interest: " + "; ".join(
                f"{country_name(code)} ({', '.join(sources)})" for code, sources in by_country.items()))
        else:
            self.markets.setText("No markets of interest recorded yet.")
        self.notes.setText(card.member_notes)
        self.notes.setVisible(bool(card.member_notes))
        if card.interactions:
            rows = []
            for line in card.interactions:
                summary = (line.summary.splitlines() or [""])[0]
                detail = f"<br/><i>Needs: {_esc(line.needs)}</i>" if line.needs else ""
                rows.append(f"<p style='margin:0 0 6px 0'><b>{format_date(line.occurred_on)}</b> · "
                            f"{_esc(InteractionKind(line.kind).label)} · {_esc(line.staff)}<br/>"
                            f"{_esc(summary)}{detail}</p>")
            self.history.setText("".join(rows))
        else:
            self.history.setText("<i>None yet.</i>")

    @staticmethod
    def _status_text(card, today) -> str:
        status = TargetStatus(card.status)
        by = f" by {card.last_attempt_by}" if card.last_attempt_by else ""
        last = f"last tried {format_date(card.last_attempt_on)}{by}" if card.last_attempt_on else ""
        if status is TargetStatus.OPEN:
            text = "Not yet called" + (f" · {last}" if last else "")
        elif status is TargetStatus.CALL_BACK:
            when = card.call_back_on
            if when is None or when == today:
                due = "due today"
            elif when < today:
                due = f"overdue since {format_date(when)}"
            else:
                due = f"set for {format_date(when)}"
            text = f"Call back {due} · {last}"
        elif status is TargetStatus.NO_ANSWER:
            text = f"No answer {card.attempts}× · {last}"
        elif status is TargetStatus.DONE:
            text = f"Finished {format_date(card.last_attempt_on)}{by} — saving corrects the answers"
        else:
            text = f"Declined{(' · ' + last) if last else ''}"
        if card.answers_from == "draft":
            text += " · answers typed earlier are filled in"
        return text

    def _fill_contacts(self, card) -> None:
        while self.contacts_layout.count():
            item = self.contacts_layout.takeAt(0)
            if item.widget():
                item.widget().hide()  # at once: deleteLater alone leaves it painted a while
                item.widget().deleteLater()
        for _id, radio in self.radios:
            self.group.removeButton(radio)
        self.radios = []
        row = 0
        for contact in card.contacts:
            radio = QRadioButton(f"{contact.name}" + (f", {contact.role}" if contact.role else ""))
            radio.setToolTip("The person the answers are from")
            phone = QLabel(contact.phone or "no phone number")
            phone.setFont(self._phone_font)
            phone.setTextInteractionFlags(SELECTABLE)
            phone.setToolTip(contact.phone_e164 or "")
            copy = QToolButton()
            copy.setText("Copy")
            copy.setToolTip("Copy the number (Ctrl+Shift+C copies the chosen person's)")
            copy.setEnabled(bool(contact.phone))
            copy.clicked.connect(lambda _=False, c=contact: self.copy_number(c))
            email = _label(contact.email, role="hint", wrap=False)
            email.setTextInteractionFlags(SELECTABLE)
            self.contacts_layout.addWidget(radio, row, 0, 1, 2)
            self.contacts_layout.addWidget(phone, row + 1, 0)
            self.contacts_layout.addWidget(copy, row + 1, 1)
            self.contacts_layout.addWidget(email, row + 2, 0, 1, 2)
            self.group.addButton(radio)
            self.radios.append((contact.id, radio))
            row += 3
        other = QRadioButton("Someone else / not named")
        self.contacts_layout.addWidget(other, row, 0, 1, 2)
        self.group.addButton(other)
        self.radios.append((None, other))
        self.contacts_layout.setColumnStretch(0, 1)
        wanted = card.contact_id or (card.contacts[0].id if card.contacts else None)
        self.select_contact(wanted)

    def select_contact(self, contact_id) -> None:
        for cid, radio in self.radios:
            if cid == contact_id:
                radio.setChecked(True)
                return

    def contact_id(self):
        return next((cid for cid, radio in self.radios if radio.isChecked()), None)

    def copy_number(self, contact=None) -> None:
        if contact is None and self.card is not None:
            chosen = self.contact_id()
            contact = next((c for c in self.card.contacts if c.id == chosen), None)
        if contact is None or not contact.phone:
            return
        QGuiApplication.clipboard().setText(contact.phone_e164 or contact.phone)
        self.copied.emit(f"Copied {contact.phone} ({contact.name})")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
