"""Questionnaires (with their questions, in revisions) and the answers given to them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Record
from ..types import DecimalText


class Questionnaire(Record):
    """One revision of a question set. Editing a revision that has answers saves a new
    revision (same `family_id`, `revision` + 1) and marks this one superseded, so answers
    always keep the exact questions they answered."""

    __tablename__ = "questionnaires"

    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    revision: Mapped[int] = mapped_column(default=1)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    template_key: Mapped[str] = mapped_column(String(60), default="")  # the built-in it came from
    prefill: Mapped[bool] = mapped_column(default=False)  # start from the member's earlier answers
    superseded_at: Mapped[datetime | None]

    questions: Mapped[list[Question]] = relationship(
        back_populates="questionnaire", order_by="Question.position", lazy="selectin",
        cascade="all, delete-orphan")


class Question(Record):
    __tablename__ = "questions"
    __table_args__ = (Index("uq_questions_questionnaire_key", "questionnaire_id", "key", unique=True),)

    questionnaire_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("questionnaires.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    key: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    help: Mapped[str] = mapped_column(Text, default="")
    choices: Mapped[list] = mapped_column(JSON, default=list)  # [[key, label], ...]
    allow_other: Mapped[bool] = mapped_column(default=False)
    role: Mapped[str] = mapped_column(String(20), default="none")

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="questions")


class AnswerSet(Record):
    """The answers one respondent gave to one questionnaire revision, entered by staff on
    their behalf. It belongs to a member and/or contact, and to a campaign when it was
    given in one, or to the activity it evaluates (§4.5.2)."""

    __tablename__ = "answer_sets"

    questionnaire_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("questionnaires.id"), index=True)
    member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True)
    interaction_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL"))
    activity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"), index=True)
    answered_on: Mapped[date] = mapped_column(index=True)
    answered_by: Mapped[str] = mapped_column(String(120), default="")
    source: Mapped[str] = mapped_column(String(20), default="phone")
    respondent: Mapped[str] = mapped_column(String(200), default="")  # when not a known contact

    answers: Mapped[list[Answer]] = relationship(
        back_populates="answer_set", lazy="selectin", cascade="all, delete-orphan")
    questionnaire: Mapped[Questionnaire] = relationship(lazy="raise_on_sql")
    interaction = relationship("Interaction", lazy="raise_on_sql")


class Answer(Record):
    __tablename__ = "answers"
    __table_args__ = (Index("uq_answers_set_question", "answer_set_id", "question_id", unique=True),)

    answer_set_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("answer_sets.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("questions.id"), index=True)
    choices: Mapped[list] = mapped_column(JSON, default=list)  # choice keys
    other: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[Decimal | None] = mapped_column(DecimalText())
    text: Mapped[str] = mapped_column(Text, default="")

    answer_set: Mapped[AnswerSet] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship(lazy="raise_on_sql")
