"""Closed vocabularies of the data model, with the labels users see."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        # Keyed by class too: equal values in different enums ("active") have different labels.
        return _LABELS.get((type(self).__name__, self.value), self.value.replace("_", " ").capitalize())

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class MemberKind(LabelledEnum):
    SME = "sme"
    LARGE_COMPANY = "large_company"
    RESEARCH = "research"
    PUBLIC_BODY = "public_body"
    OTHER = "other"


class SizeBand(LabelledEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    UNKNOWN = "unknown"


class MemberStatus(LabelledEnum):
    ACTIVE = "active"
    PROSPECT = "prospect"
    PAUSED = "paused"
    FORMER = "former"


class InternationalOrientation(LabelledEnum):
    """How far a member has come internationally (handbook §1: a latent or defined need)."""

    NONE = "none"
    LATENT = "latent"
    DEFINED = "defined"
    ACTIVE = "active"


class InteractionKind(LabelledEnum):
    VISIT = "visit"
    PHONE_CALL = "phone_call"
    MEETING = "meeting"
    EMAIL = "email"
    EVENT = "event"


_LABELS: dict[tuple[str, str], str] = {
    ("MemberKind", MemberKind.SME.value): "SME",
    ("MemberKind", MemberKind.LARGE_COMPANY.value): "Large company",
    ("MemberKind", MemberKind.RESEARCH.value): "Research / knowledge institution",
    ("MemberKind", MemberKind.PUBLIC_BODY.value): "Public body",
    ("MemberKind", MemberKind.OTHER.value): "Other",
    ("SizeBand", SizeBand.MICRO.value): "Micro (1–9)",
    ("SizeBand", SizeBand.SMALL.value): "Small (10–49)",
    ("SizeBand", SizeBand.MEDIUM.value): "Medium (50–249)",
    ("SizeBand", SizeBand.LARGE.value): "Large (250+)",
    ("SizeBand", SizeBand.UNKNOWN.value): "Unknown",
    ("InternationalOrientation", InternationalOrientation.NONE.value): "None",
    ("InternationalOrientation", InternationalOrientation.LATENT.value): "Latent need",
    ("InternationalOrientation", InternationalOrientation.DEFINED.value): "Defined need",
    ("InternationalOrientation", InternationalOrientation.ACTIVE.value): "Active internationally",
    ("InteractionKind", InteractionKind.PHONE_CALL.value): "Phone call",
    ("InteractionKind", InteractionKind.EVENT.value): "Event attendance",
}
