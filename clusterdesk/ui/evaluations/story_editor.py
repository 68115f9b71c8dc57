"""The success story editor: what happened, to which member, with whom, where, worth what, from
which activity; the story and the member's own words; from idea to published."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.evaluations import StoryStatus
from ...services import activities as activity_service
from ...services import partners as partner_service
from ...services import success_stories as story_service
from ..common.form_editor import FormEditor
from ..common.forms import (
    CountryField,
    DateField,
    MoneyField,
    add_row,
    enum_combo,
    find_data,
    refuse_with_everything,
    select_data,
)
from ..members.questionnaires.answer_sets import MemberPicker


class StoryEditor(FormEditor):
    noun = "success story"

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        form = QFormLayout(body)
        today = controller.today
        self.title_edit = self.watch("title", QLineEdit(), "Title")
        self.title_edit.setPlaceholderText("e.g. Limfjord Membran wins its first Swedish utility")
        self.status = self.watch("status", enum_combo(StoryStatus), "Status")
        self.status.setToolTip("Idea → draft → approved by the member → published (tell it only "
                               "with the member's approval)")
        self.member = self.watch("member_id", MemberPicker(controller), "Member")
        self.partner = self.watch("partner", QLineEdit(), "Partner")
        self.partner.setPlaceholderText("who the member now works with")
        self.partner_names = QStringListModel(self)
        completer = QCompleter(self.partner_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.partner.setCompleter(completer)
        self.country = self.watch("country", CountryField(), "Country")
        self.value = self.watch("value", MoneyField(), "Value")
        self.activity = self.watch("activity_id", QComboBox(), "Activity")
        self.activity.setToolTip("The activity the success came from")
        self.happened_on = self.watch("happened_on", DateField(today=today), "Happened on")
        self.published_on = self.watch("published_on", DateField(today=today), "Published on")
        self.published_on.setPlaceholderText("set when published")
        self.published_where = self.watch("published_where", QLineEdit(), "Published where")
        self.published_where.setPlaceholderText("newsletter, website, LinkedIn, the funder's report")
        self.text = self.watch("text", QPlainTextEdit(), "Story")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(130)
        self.text.setPlaceholderText("A few short paragraphs: the member, the need, what the cluster "
                                     "did, what came of it. A blank line starts a new paragraph.")
        self.quote = self.watch("quote", QPlainTextEdit(), "Quote")
        self.quote.setTabChangesFocus(True)
        self.quote.setFixedHeight(52)
        self.quote.setPlaceholderText("In the member's own words")
        self.quote_by = self.watch("quote_by", QLineEdit(), "Quote by")
        self.quote_by.setPlaceholderText("name, role")
        add_row(form, "&Title:", self.title_edit)
        add_row(form, "Stat&us:", self.status, "&Member:", self.member)
        add_row(form, "&Partner:", self.partner, "Countr&y:", self.country)
        add_row(form, "Va&lue:", self.value, "H&appened on:", self.happened_on)
        add_row(form, "From a&ctivity:", self.activity)
        add_row(form, "Publ&ished on:", self.published_on, "&where:", self.published_where)
        add_row(form, "St&ory:", self.text)
        add_row(form, "&Quote:", self.quote)
        add_row(form, "Quote &given by:", self.quote_by)
        self.pdf_button = QPushButton("One-page PDF…")
        self.pdf_button.setToolTip("The story on one page, in the house style (Ctrl+P)")
        self.buttons.insertWidget(0, self.pdf_button)
        scroll.setWidget(body)
        self.finish_layout(scroll)

    def _fill_choices(self) -> None:
        ctx = self.controller.ctx
        self.partner_names.setStringList([p.name for p in partner_service.list_partners(ctx)])
        self.activity.clear()
        self.activity.addItem("(none)", None)
        for record in activity_service.named_activities(ctx):
            self.activity.addItem(f"{record.name}  ·  {record.detail.split(' · ')[-1]}", record.id)

    def fill(self, detail) -> None:
        self._fill_choices()
        if detail is None:
            data = story_service.StoryInput(title="")
            self.title.setText("New success story")
            member_name = ""
        else:
            data = detail.data
            self.title.setText(data.title + ("  (in the bin)" if detail.deleted else ""))
            member_name = detail.member_name
        self.title_edit.setText(data.title)
        select_data(self.status, data.status)
        self.member.set_member(data.member_id, member_name)
        self.partner.setText(data.partner)
        self.country.set_code(data.country)
        self.value.set_money(data.value)
        self.activity.setCurrentIndex(max(0, find_data(self.activity, data.activity_id)))
        self.happened_on.set_date(data.happened_on)
        self.published_on.set_date(data.published_on)
        self.published_where.setText(data.published_where)
        self.text.setPlainText(data.text)
        self.quote.setPlainText(data.quote)
        self.quote_by.setText(data.quote_by)
        self.pdf_button.setEnabled(detail is not None)

    def collect(self) -> story_service.StoryInput:
        errors: dict[str, str] = {}
        values = {}
        for key, read in (("country", self.country.code), ("value", self.value.money),
                          ("happened_on", self.happened_on.date), ("published_on", self.published_on.date)):
            try:
                values[key] = read()
            except (DateParseError, ValueError) as exc:
                errors[key], values[key] = str(exc), None
        if self.member.text().strip() and self.member.member_id is None:
            errors["member_id"] = f"No member is called “{self.member.text().strip()}”; pick one from the list."
        data = story_service.StoryInput(
            title=self.title_edit.text(), member_id=self.member.member_id, status=self.status.currentData(),
            partner=self.partner.text(), activity_id=self.activity.currentData(),
            published_where=self.published_where.text(), text=self.text.toPlainText(),
            quote=self.quote.toPlainText(), quote_by=self.quote_by.text(), version=self.version, **values)
        refuse_with_everything(errors, lambda: story_service.validate_story(data, self.controller.today()))
        return data

    def write(self, data):
        if self.record_id is None:
            return self.controller.run_op(self, "Save success story", story_service.create_story, data)
        return self.controller.run_op(self, "Save success story", story_service.update_story,
                                      self.record_id, data)

    def reload(self):
        return story_service.get_story(self.controller.ctx, self.record_id)
