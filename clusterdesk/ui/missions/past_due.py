"""Asking what to do with checklist dates that have already passed, when a checklist is made
from a template or its activity moves: catch up from today, or keep the handbook's dates."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.catch_up import PastDates, PastDue
from ...domain.formatting import format_date, format_date_range
from ...domain.text import plural


def past_due_question(plan: PastDue, moving: bool) -> tuple[str, str]:
    """The question's text and its explanation of the two choices."""
    since = f"from {format_date(plan.earliest)} on"
    if moving:
        text = (f"The new dates put {plural(plan.past, 'open checklist item')} in the past: "
                f"their dates, {since}, have passed.")
    else:
        text = (f"{plan.past} of the {plan.total} checklist items would already be overdue: "
                f"their handbook dates, {since}, have passed.")
    if plan.first_day == plan.last_day:
        catch = f"Catch up: they all fall due today, {format_date(plan.first_day)}."
    else:
        catch = (f"Catch up: they fall due from today in their order, "
                 f"{format_date_range(plan.first_day, plan.last_day)} — the earliest today, "
                 "each later date on the next working day.")
    keep = "Keep the handbook's dates: they show as overdue on the checklist and on Today."
    return text, f"{catch}\n\n{keep}"


def ask_past_due(parent: QWidget | None, plan: PastDue, *, moving: bool = False) -> PastDates | None:
    """Catch up or keep; None when the user cancels (nothing is saved then). The default is
    the plan's suggestion: catch up while the activity is still to come."""
    text, explanation = past_due_question(plan, moving)
    box = QMessageBox(QMessageBox.Icon.Question, "Dates already passed", text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(explanation)
    catch = box.addButton("&Catch up from today", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("&Keep the handbook's dates", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(cancel)
    box.setDefaultButton(catch if plan.suggested is PastDates.CATCH_UP else keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is catch:
        return PastDates.CATCH_UP
    if clicked is keep:
        return PastDates.KEEP
    return None
