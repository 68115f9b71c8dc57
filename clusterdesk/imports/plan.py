"""The dry run: every row read and checked, rows of one organisation grouped (one row per
contact person is how most member lists look), and likely duplicates found within the file
and against the members already in the workspace."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..domain.similarity import (
    Match,
    OrganisationProfile,
    candidate_pairs,
    compare_organisations,
    email_domain,
    organisation_key,
    person_key,
    website_domain,
)
from ..domain.validation import vat_key
from .fields import FIELD_BY_KEY, missing_required
from .progress import Progress, no_progress
from .rows import LIST_KEYS, MEMBER_KEYS, ContactData, ParsedRow, Problem, RowOptions, parse_row
from .sources import SourceColumn, SourceTable

MERGE, NEW, SKIP = "merge", "new", "skip"
DECISIONS = {MERGE: "Merge into the existing record", NEW: "Import as new", SKIP: "Skip"}
LIKELY = 85.0  # a match this strong is merged unless the user says otherwise


@dataclass(frozen=True)
class ExistingMember:
    """A live member of the workspace, as the duplicate check sees it."""

    id: uuid.UUID
    name: str
    vat: str = ""
    city: str = ""
    domains: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    country: str | None = None

    def profile(self) -> OrganisationProfile:
        return OrganisationProfile(self.id, self.name, self.vat, self.city, self.domains,
                                   self.phones, self.country)


@dataclass
class Candidate:
    """One organisation in the file, from one or more rows."""

    number: int
    rows: list[int]
    values: dict
    contacts: list[ContactData] = field(default_factory=list)
    region: str | None = None  # its country, or the import's default country

    @property
    def name(self) -> str:
        return self.values.get("name", "")

    @property
    def first_row(self) -> int:
        return self.rows[0]

    def profile(self) -> OrganisationProfile:
        domains = {email_domain(c.email) for c in self.contacts} | {
            website_domain(self.values.get("website", ""))}
        return OrganisationProfile(self.number, self.name, self.values.get("vat_number", ""),
                                   self.values.get("city", ""), frozenset(d for d in domains if d),
                                   frozenset(c.phone_e164 for c in self.contacts if c.phone_e164),
                                   self.values.get("country") or self.region)


@dataclass(frozen=True)
class Duplicate:
    """A file organisation that looks like an existing member or an earlier one in the file."""

    id: int
    candidate: int
    match: Match
    target_member: uuid.UUID | None = None
    target_candidate: int | None = None
    target_name: str = ""

    @property
    def against_existing(self) -> bool:
        return self.target_member is not None

    @property
    def default(self) -> str:
        return MERGE if self.match.certain or self.match.score >= LIKELY else NEW


@dataclass(frozen=True)
class ImportPlan:
    source_name: str
    source_description: str
    digest: str
    sheet: str
    header_row: int  # spreadsheet row number of the header (its last row)
    columns: tuple[SourceColumn, ...]
    mapping: tuple[str, ...]
    rows_read: int
    problems: tuple[Problem, ...]  # each stops the import (or its row, when the user says so)
    remarks: tuple[Problem, ...]  # worth knowing, not stopping: conflicting values kept
    candidates: tuple[Candidate, ...]  # built from the rows without problems
    duplicates: tuple[Duplicate, ...]
    earlier_imports: tuple[str, ...] = ()
    header_label: str = ""  # "row 3" or "rows 3–4"
    sheets: tuple[str, ...] = ()  # every sheet of the workbook

    @property
    def file_problem(self) -> bool:
        """A problem with the file as a whole (a missing column): nothing can be imported."""
        return any(p.row is None for p in self.problems)

    @property
    def bad_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems if p.row is not None}))

    @property
    def clean(self) -> bool:
        return not self.problems

    def duplicate_of(self, candidate: int) -> Duplicate | None:
        for duplicate in self.duplicates:
            if duplicate.candidate == candidate:
                return duplicate
        return None


def build_plan(source: SourceTable, mapping: Sequence[str], existing: Sequence[ExistingMember],
               options: RowOptions, progress: Progress | None = None,
               earlier_imports: Sequence[str] = ()) -> ImportPlan:
    """Check every row and find the duplicates; writes nothing."""
    progress = progress or no_progress()
    mapping = tuple(mapping)
    problems: list[Problem] = [
        Problem(None, "", "", f"no column is mapped to “{f.label}”, which every row needs")
        for f in missing_required(list(mapping))]
    data = source.data_rows()
    if not data:
        problems.append(Problem(None, "", "", f"there are no rows below the header (row "
                                              f"{source.header_index + 1})"))
    parsed: list[ParsedRow] = []
    if not problems:
        for done, (number, cells) in enumerate(data, start=1):
            parsed.append(parse_row(number, cells, source.columns, mapping, options))
            progress("Checking rows", done, len(data))
    remarks: list[Problem] = []
    for row in parsed:
        problems.extend(row.problems)
        remarks.extend(row.remarks)
    candidates = group_rows([r for r in parsed if r.ok], remarks, options.default_country)
    progress.check()
    duplicates = find_duplicates(candidates, existing, progress)
    return ImportPlan(
        source.name, source.describe(), source.digest, source.sheet, source.header_index + 1,
        source.columns, mapping, len(data), tuple(problems), tuple(remarks), tuple(candidates),
        tuple(duplicates), tuple(earlier_imports), source.header_label(), tuple(source.sheets))


# --- rows of one organisation -----------------------------------------------------------------


def group_rows(rows: Sequence[ParsedRow], remarks: list[Problem],
               default_country: str | None = None) -> list[Candidate]:
    """Rows with the same CVR/VAT (country and number), or the same name (legal form aside),
    are one organisation."""
    candidates: list[Candidate] = []
    by_vat: dict[str, Candidate] = {}
    by_name: dict[str, list[Candidate]] = {}
    for row in rows:
        region = row.values.get("country") or default_country
        vat = vat_key(row.values.get("vat_number", ""), region)
        key = organisation_key(row.name)
        same_name = by_name.get(key, [])
        target = by_vat.get(vat) if vat else None
        if target is None and same_name:
            unregistered = [c for c in same_name if not c.values.get("vat_number")]
            if vat and unregistered:
                target = unregistered[0]
            elif not vat:
                target = same_name[0]
        if target is None:
            target = Candidate(len(candidates), [row.row], dict(row.values), region=region)
            candidates.append(target)
            by_name.setdefault(key, []).append(target)
        else:
            target.rows.append(row.row)
            _combine(target, row, remarks)
        if vat:
            by_vat[vat] = target
        if row.contact is not None:
            add_contact(target.contacts, row.contact)
    return candidates


def _combine(candidate: Candidate, row: ParsedRow, remarks: list[Problem]) -> None:
    for key, value in row.values.items():
        have = candidate.values.get(key)
        if key in LIST_KEYS:
            candidate.values[key] = tuple(dict.fromkeys((*(have or ()), *value)))
        elif not have:
            candidate.values[key] = value
        elif have != value and key != "name":
            label = FIELD_BY_KEY[key].label
            remarks.append(Problem(row.row, label, str(value),
                                   f"row {candidate.first_row} of the same organisation says "
                                   f"“{have}”; that value is kept"))


def same_person(a: ContactData, b: ContactData) -> bool:
    if a.email and b.email:
        return a.email.lower() == b.email.lower()
    return person_key(a.name) == person_key(b.name)


def add_contact(contacts: list[ContactData], contact: ContactData) -> None:
    """Add a contact unless it is already there (same email, or same name); a second row
    about the same person fills what the first left blank."""
    for i, known in enumerate(contacts):
        if same_person(known, contact):
            contacts[i] = fill_contact(known, contact)
            return
    contacts.append(contact)


def fill_contact(known: ContactData, extra: ContactData) -> ContactData:
    from dataclasses import replace

    changes = {k: getattr(extra, k) for k in ("role", "email", "language")
               if not getattr(known, k) and getattr(extra, k)}
    if not known.phone and extra.phone:
        changes.update(phone=extra.phone, phone_e164=extra.phone_e164)
    return replace(known, **changes) if changes else known


# --- duplicates -------------------------------------------------------------------------------


def find_duplicates(candidates: Sequence[Candidate], existing: Sequence[ExistingMember],
                    progress: Progress) -> list[Duplicate]:
    """The best match of each file organisation: an existing member if one looks the same,
    otherwise an earlier organisation in the file."""
    profiles = [c.profile() for c in candidates]
    others = [m.profile() for m in existing]
    best: dict[int, tuple[Match, ExistingMember | None, int | None]] = {}
    if others:
        pairs = sorted(candidate_pairs(profiles, others=others))
        for done, (i, j) in enumerate(pairs, start=1):
            match = compare_organisations(profiles[i], others[j])
            if match and (i not in best or match.score > best[i][0].score):
                best[i] = (match, existing[j], None)
            progress("Looking for duplicates", done, len(pairs))
    for i, j in sorted(candidate_pairs(profiles)):
        match = compare_organisations(profiles[i], profiles[j])
        if match is None:
            continue
        current = best.get(j)
        if current is None or (current[1] is None and match.score > current[0].score):
            best[j] = (match, None, i)
    duplicates = []
    for number in sorted(best):
        match, member, earlier = best[number]
        duplicates.append(Duplicate(
            len(duplicates), number, match,
            target_member=member.id if member else None, target_candidate=earlier,
            target_name=member.name if member else candidates[earlier].name))
    return duplicates


# --- what the decisions amount to -----------------------------------------------------------


@dataclass
class Resolution:
    """New members (each from one or more file organisations), organisations merged into
    existing members, and those skipped."""

    new: list[list[int]] = field(default_factory=list)
    into_existing: dict[uuid.UUID, list[int]] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)


def resolve(plan: ImportPlan, decisions: dict[int, str] | None = None) -> Resolution:
    """Apply the per-duplicate decisions (defaults where none was made)."""
    decisions = decisions or {}
    target: dict[int, tuple[str, object]] = {}
    groups: dict[int, list[int]] = {}
    resolution = Resolution()
    for candidate in plan.candidates:
        number = candidate.number
        duplicate = plan.duplicate_of(number)
        decision = decisions.get(duplicate.id, duplicate.default) if duplicate else NEW
        if decision == MERGE and duplicate.target_member is not None:
            target[number] = ("member", duplicate.target_member)
        elif decision == MERGE:
            target[number] = target[duplicate.target_candidate]  # earlier, so already placed
        elif decision == SKIP:
            target[number] = ("skip", None)
        else:
            target[number] = ("new", number)
        kind, where = target[number]
        if kind == "member":
            resolution.into_existing.setdefault(where, []).append(number)
        elif kind == "new":
            groups.setdefault(where, []).append(number)
        else:
            resolution.skipped.append(number)
    resolution.new = list(groups.values())
    return resolution


def combined_values(plan: ImportPlan, numbers: Sequence[int]) -> tuple[dict, list[ContactData]]:
    """The member values and contacts of several file organisations that become one member."""
    values: dict = {}
    contacts: list[ContactData] = []
    for number in numbers:
        candidate = plan.candidates[number]
        for key in MEMBER_KEYS:
            value = candidate.values.get(key)
            if not value:
                continue
            if key in LIST_KEYS:
                values[key] = tuple(dict.fromkeys((*values.get(key, ()), *value)))
            else:
                values.setdefault(key, value)
        for contact in candidate.contacts:
            add_contact(contacts, contact)
    return values, contacts

