"""The secretariat's readiness (§2.1): its people with their role, the share of their time
given to international work, languages, international experience, education abroad and
background — and whether that covers the markets the cluster has chosen."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.enums import LanguageLevel
from ..domain.languages import language_name, resolve_language
from ..domain.readiness import Readiness, SpokenLanguage, StaffCompetence, assess
from ..domain.text import sort_key
from ..store.models import StaffLanguage, StaffMember, TargetMarket
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences
from .errors import ConflictError, ValidationError
from .records import load, set_deleted, touch

MISSING = "That person"
MAX_YEARS = 60


@dataclass(frozen=True)
class LanguageInput:
    language: str  # a code, or a language as typed ('German', 'tysk')
    level: str = LanguageLevel.WORKING.value
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class StaffInput:
    name: str
    initials: str = ""
    role: str = ""
    international_share: int = 0
    experience_years: int | None = None
    experience: str = ""
    education_abroad: str = ""
    background: str = ""
    notes: str = ""
    languages: tuple[LanguageInput, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class StaffDetail:
    id: uuid.UUID
    data: StaffInput
    updated_by: str
    deleted: bool


@dataclass(frozen=True)
class StaffRow:
    id: uuid.UUID
    name: str
    initials: str
    role: str
    competence: StaffCompetence

    @property
    def international_share(self) -> int:
        return self.competence.international_share

    def languages_text(self) -> str:
        return ", ".join(f"{language_name(s.code)} ({LanguageLevel(s.level).label.lower()})"
                         for s in self.competence.languages)


_FIELDS = ("name", "initials", "role", "international_share", "experience_years", "experience",
           "education_abroad", "background", "notes")


def _languages(member: StaffMember) -> list[StaffLanguage]:
    return sorted((lang for lang in member.languages if lang.deleted_at is None), key=lambda lang: lang.position)


def _input(member: StaffMember) -> StaffInput:
    return StaffInput(**{key: getattr(member, key) for key in _FIELDS},
                      languages=tuple(LanguageInput(lang.language, lang.level, lang.id)
                                      for lang in _languages(member)),
                      version=member.version)


def _competence(member: StaffMember) -> StaffCompetence:
    return StaffCompetence(member.name, member.international_share,
                           tuple(SpokenLanguage(lang.language, lang.level) for lang in _languages(member)),
                           member.experience_years, member.experience, member.education_abroad,
                           member.background)


def _detail(member: StaffMember) -> StaffDetail:
    return StaffDetail(member.id, _input(member), member.updated_by, member.deleted_at is not None)


def list_staff(ctx: ServiceContext, text: str = "", *, deleted: bool = False) -> list[StaffRow]:
    """The secretariat's people by name, with what they bring to international work."""
    query = (select(StaffMember)
             .where(StaffMember.deleted_at.is_not(None) if deleted else StaffMember.deleted_at.is_(None))
             .order_by(StaffMember.sort_name))
    wanted = sort_key(text)
    with ctx.uow() as uow:
        return [StaffRow(m.id, m.name, m.initials, m.role, _competence(m))
                for m in uow.session.scalars(query)
                if not wanted or wanted in sort_key(f"{m.name} {m.initials} {m.role}")]


def named_staff(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, r.role) for r in list_staff(ctx)]


def validate_staff(data: StaffInput) -> StaffInput:
    """Normalise what was typed; raise ValidationError naming each bad field (and row)."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A person needs a name."
    if not 0 <= data.international_share <= 100:
        errors["international_share"] = "Give the share of the working time from 0 to 100 %."
    if data.experience_years is not None and not 0 <= data.experience_years <= MAX_YEARS:
        errors["experience_years"] = f"Years abroad or in international work: 0 to {MAX_YEARS}."
    languages, problems, seen = [], [], {}
    for number, row in enumerate(data.languages, start=1):
        if not row.language.strip():
            continue
        code = resolve_language(row.language)
        if code is None:
            problems.append(f"row {number}: “{row.language.strip()}” is not a language we know")
            continue
        if row.level not in {lvl.value for lvl in LanguageLevel}:
            problems.append(f"row {number}: “{row.level}” is not a level")
        if code in seen:
            problems.append(f"row {number}: {language_name(code)} is already in row {seen[code]}")
        seen.setdefault(code, number)
        languages.append(replace(row, language=code))
    if problems:
        errors["languages"] = "; ".join(problems)
    if errors:
        raise ValidationError(errors)
    return replace(data, name=name, initials=clean_text(data.initials).upper(), role=clean_text(data.role),
                   experience=data.experience.strip(), education_abroad=data.education_abroad.strip(),
                   background=data.background.strip(), notes=data.notes.strip(), languages=tuple(languages))


def _apply(member: StaffMember, data: StaffInput, now) -> None:
    for key in _FIELDS:
        setattr(member, key, getattr(data, key))
    member.sort_name = sort_key(data.name)
    touch(member, now)  # a change to the languages alone still moves the version on
    existing = {lang.id: lang for lang in _languages(member)}
    kept = set()
    for position, row in enumerate(data.languages):
        lang = existing.get(row.id) if row.id else None
        if lang is None:
            lang = StaffLanguage(id=uuid.uuid4(), language=row.language)
            member.languages.append(lang)
        kept.add(lang.id)
        lang.position, lang.language, lang.level = position, row.language, row.level
    for lang_id, lang in existing.items():
        if lang_id not in kept:
            lang.deleted_at = now


def add_staff(session, data: StaffInput, now) -> StaffMember:
    """Add a validated person inside the caller's transaction (demo, create)."""
    member = StaffMember(id=uuid.uuid4(), name=data.name, languages=[])
    with session.no_autoflush:
        _apply(member, data, now)
    session.add(member)
    return member


def get_staff(ctx: ServiceContext, staff_id: uuid.UUID) -> StaffDetail:
    with ctx.uow() as uow:
        return _detail(load(uow.session, StaffMember, staff_id, MISSING))


def create_staff(ctx: ServiceContext, data: StaffInput) -> tuple[StaffDetail, Changes]:
    """Add a person to the secretariat."""
    data = validate_staff(data)
    with ctx.uow() as uow:
        member = add_staff(uow.session, data, ctx.now())
        changes = uow.commit()
        return _detail(member), changes


def update_staff(ctx: ServiceContext, staff_id: uuid.UUID, data: StaffInput) -> tuple[StaffDetail, Changes]:
    """Save a person's competences; refuses to overwrite a newer version saved by someone else."""
    data = validate_staff(data)
    with ctx.uow() as uow:
        member = load(uow.session, StaffMember, staff_id, MISSING)
        if member.version != data.version:
            raise ConflictError(f"“{member.name}”", differences(_input(member), data, _FIELDS),
                                member.updated_by)
        with uow.session.no_autoflush:
            _apply(member, data, ctx.now())
        changes = uow.commit()
        return _detail(member), changes


def delete_staff(ctx: ServiceContext, staff_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, StaffMember, staff_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_staff(ctx: ServiceContext, staff_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, StaffMember, staff_id, None, f"{MISSING} no longer exists.")


def target_countries(ctx: ServiceContext) -> list[str]:
    """The markets the cluster has chosen (Members ▸ Markets), by country code."""
    query = select(TargetMarket.country).where(TargetMarket.deleted_at.is_(None)).order_by(TargetMarket.country)
    with ctx.workspace.engine.connect() as conn:
        return list(dict.fromkeys(c for (c,) in conn.execute(query)))


def readiness(ctx: ServiceContext) -> Readiness:
    """What the secretariat brings to international work, against the chosen markets."""
    return assess([r.competence for r in list_staff(ctx)], target_countries(ctx))
