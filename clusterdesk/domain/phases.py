"""The five phases of the handbook and the questions it ends each phase with, in our words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    number: int
    title: str
    purpose: str
    questions: tuple[str, ...]


PHASES = (
    Phase(1, "Understand the cluster",
          "Learn what the members need internationally and which markets suit them.",
          ("Have the members been heard?",
           "Do the members find internationalisation relevant?",
           "Which members need to go international?",
           "Have the markets and opportunities been analysed?")),
    Phase(2, "Competences, stakeholders and finances",
          "Have the right skills in the secretariat, the right partners around it, and money for the work.",
          ("Does the secretariat have the right resources and competences?",
           "Does funding look possible?",
           "Are the right cooperation partners in place?")),
    Phase(3, "The international strategy",
          "Turn what was learned into a short written strategy with KPIs and action plans.",
          ("Is the strategy process systematic?",
           "Are the steering committee, the board and the secretariat involved?",
           "Is there a strategy document?",
           "Is the international strategy in line with the cluster's overall strategy?",
           "Is there an action plan with concrete, measurable targets?",
           "Are the strategy and the action plan ambitious but realistic?")),
    Phase(4, "Implement the strategy",
          "Build trust with partners, run missions and events, measure and tell the successes.",
          ("How well does the cooperation with international partners work?",
           "Does the cluster offer the right international services?",
           "Are there suitable ways to measure the international work?",
           "Is it planned how to communicate the results?")),
    Phase(5, "Network and services",
          "Keep the momentum: nurture the network and make good ad-hoc activities permanent.",
          ("Is the international network being nurtured?",
           "Which international services could become permanent?",
           "Does the cluster need a global presence?")),
)
