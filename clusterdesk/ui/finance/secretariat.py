"""Finance ▸ Secretariat (§2.1): the people and what they bring to international work, beside
an overview that answers the phase's first two questions from the data — does the secretariat
have the right resources and competences, and does funding look possible?"""

from __future__ import annotations

from xml.sax.saxutils import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from ...domain.countries import country_name
from ...domain.formatting import format_date, format_quantity
from ...domain.languages import language_name
from ...domain.text import plural
from ...services import finance_overview
from ...services import secretariat as staff_service
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, OVERDUE
from .staff_editor import StaffEditor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=140),
    Column("role", "Role", lambda r: r.role, width=170),
    Column("share", "Intl. time", lambda r: r.international_share, width=65, align=RIGHT,
           text_of=lambda r: format_quantity(r.international_share, "%"), tooltip=lambda r: "Share of the working time"),
    Column("years", "Years", lambda r: r.competence.experience_years or 0, width=45, align=RIGHT,
           text_of=lambda r: str(r.competence.experience_years or ""),
           tooltip=lambda r: r.competence.experience or "Years abroad or in international work"),
    Column("languages", "Languages", lambda r: r.languages_text(), tooltip=lambda r: r.languages_text()),
)
EXPORT_COLUMNS = (
    Column("name", "Name", lambda r: r.name),
    Column("initials", "Initials", lambda r: r.initials),
    Column("role", "Role", lambda r: r.role),
    Column("share", "International work %", lambda r: r.international_share),
    Column("languages", "Languages", lambda r: r.languages_text()),
    Column("years", "Years of international experience", lambda r: r.competence.experience_years),
    Column("experience", "International experience", lambda r: r.competence.experience),
    Column("education", "Education abroad", lambda r: r.competence.education_abroad),
    Column("background", "International background", lambda r: r.competence.background),
)
GOOD, WANTING = f"<span style='color:{DONE}'>✔</span>", f"<span style='color:{OVERDUE}'>✘</span>"


def readiness_html(ready) -> str:
    if not ready.people:
        return ("<b>Does the secretariat have the right resources and competences?</b><br>"
                "Add the people of the secretariat to see.")
    names = lambda people: ", ".join(escape(p) for p in people) or "nobody"  # noqa: E731
    spoken = ", ".join(f"{language_name(code)} ({len(who)})" for code, who in
                       sorted(ready.languages.items(), key=lambda item: (-len(item[1]), language_name(item[0]))))
    lines = [f"{plural(ready.people, 'person', 'people')}, <b>{ready.full_time_equivalents} full-time "
             "posts</b> on international work",
             f"International experience: {names(ready.with_experience)}",
             f"Educated abroad: {names(ready.educated_abroad)} · background abroad: {names(ready.with_background)}",
             f"Languages at working level: {spoken or 'none recorded'}"]
    for market in ready.markets:
        languages = "/".join(language_name(code) for code in market.languages)
        if market.covered:
            lines.append(f"{GOOD} {country_name(market.country)}: {languages} — {names(market.speakers)}")
        else:
            lines.append(f"{WANTING} {country_name(market.country)}: nobody works in {languages}")
    if not ready.markets:
        lines.append("No target markets chosen yet (Members ▸ Markets) to check the languages against.")
    return ("<b>Does the secretariat have the right resources and competences?</b><br>"
            + "<br>".join(lines))


def funding_html(outlook) -> str:
    money = finance_overview.money_list
    lines = [f"{plural(outlook.open_calls, 'open call')}, expected value <b>{money(outlook.expected)}</b>"
             + (f" · next deadline {format_date(outlook.next_deadline[0])}" if outlook.next_deadline else "")]
    if outlook.budgets:
        gaps = money(outlook.gaps) if outlook.gaps else "nothing"
        lines.append(f"Budgets: {outlook.budgets_with_gap} of {outlook.budgets} have a gap, together "
                     f"<b>{gaps}</b>")
    verdict = outlook.covers_gaps
    if verdict is True and outlook.gaps:
        lines.append(f"{GOOD} The open calls' expected value covers the gaps")
    elif verdict is False:
        lines.append(f"{WANTING} The open calls' expected value does not cover the gaps")
    elif outlook.gaps:
        lines.append("Calls and gaps are in different currencies: compare them yourself")
    lines.append(f"Decided in the last 12 months: {outlook.granted_calls} granted "
                 f"({money(outlook.granted)}), {outlook.rejected_calls} rejected")
    if outlook.available:
        lines.append(f"Sources hold {money(outlook.available)} a year for international work")
    return "<b>Does funding look possible?</b><br>" + "<br>".join(lines)


class OverviewPanel(QFrame):
    """The two answers side by side, exactly as tall as their text at the width they get
    (wrapped labels in a row otherwise ask for far more height than they need)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.readiness = QLabel()
        self.funding = QLabel()
        for label in (self.readiness, self.funding):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            row.addWidget(label, 1)

    def set_texts(self, readiness: str, funding: str) -> None:
        self.readiness.setText(readiness)
        self.funding.setText(funding)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        margins = self.layout().contentsMargins()
        column = max(200, (self.width() - margins.left() - margins.right() - self.layout().spacing()) // 2)
        text = max(self.readiness.heightForWidth(column), self.funding.heightForWidth(column))
        height = text + margins.top() + margins.bottom() + 2
        if height != self.height():
            self.setFixedHeight(height)


class SecretariatView(ListEditorView):
    kinds = ("staff_members", "staff_languages", "target_markets", "funding_calls", "call_deadlines",
             "budgets", "budget_costs", "budget_funding", "funding_sources")
    noun = "person"
    plural = "people"
    export_title = "Secretariat"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by name, initials or role…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 1, 1

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.overview = OverviewPanel()
        self.layout().insertWidget(0, self.overview)

    def make_editor(self) -> StaffEditor:
        return StaffEditor(self.controller)

    def refresh(self) -> None:
        super().refresh()
        if self.ctx is not None:
            self.overview.set_texts(readiness_html(staff_service.readiness(self.ctx)),
                                    funding_html(finance_overview.funding_outlook(self.ctx)))

    def fetch_rows(self, text: str, deleted: bool):
        return staff_service.list_staff(self.ctx, text, deleted=deleted)

    def fetch_detail(self, record_id):
        return staff_service.get_staff(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete person", staff_service.delete_staff, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore person", staff_service.restore_staff, record_id)
