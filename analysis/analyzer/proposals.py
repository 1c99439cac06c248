"""Proposals in a report: sentences that propose something, by kind (flight, warehouse, joint venture…)."""

from __future__ import annotations

import re

from analysis.analyzer.sentences import Sentence

PROPOSAL_KINDS = [
    (
        "flight",
        r"flights?|air (?:link|service|connection|route)s?|airlines?|air carriers?|авиарейс\w*|рейс\w*|авиасообщени\w*|перел[её]т\w*",
    ),
    (
        "warehouse",
        r"warehouses?|storage facilit\w*|склад\b|склады\b|складов\b|складск\w*|логистическ\w* центр\w*|logistics cent\w*",
    ),
    (
        "service_centre",
        r"service (?:cent|station|point)\w*|repair (?:facilit|cent|base|shop)\w*|dealer (?:cent|network)\w*|"
        r"maintenance|сервисн\w*|ремонтн\w*|дилерск\w*|техобслуживани\w*",
    ),
    (
        "joint_venture",
        r"joint ventures?|joint (?:production|enterprise)s?|assembly (?:plant|production|line)s?|assembl\w+|"
        r"locali[sz]\w*|совместн\w* (?:предприят|производств)\w*|сборочн\w*|сборк\w*|локализац\w*",
    ),
    (
        "contract",
        r"contracts?|agreements?|memorand\w*|roadmap|road map|контракт\w*|соглашени\w*|договор(?:а|ов|ы)?\b|меморандум\w*|дорожн\w* карт\w*",
    ),
    ("supply", r"suppl(?:y|ies)|deliver(?:y|ies)|purchas\w*|поставк\w*|закуп\w*"),
    (
        "training",
        r"training|students|study in|internships?|обучени\w*|подготовк\w* кадр\w*|студент\w*|стажир\w*",
    ),
    (
        "other",
        r"trading house|exhibitions?|fairs?|business missions?|forum|торгов\w* дом\w*|выставк\w*|ярмарк\w*|бизнес-мисси\w*",
    ),
]
PROPOSAL_RE = re.compile("|".join(rf"(?P<{k}>\b(?:{p}))" for k, p in PROPOSAL_KINDS), re.IGNORECASE)
KIND_ORDER = [k for k, _ in PROPOSAL_KINDS]
PROPOSAL_CUE_RE = re.compile(
    r"\b(?:propos\w*|suggest\w*|offer\w*|ready to|interest\w*|plan\w*|should|could|agreed|initiative|invit\w*|"
    r"consider\w*|build|set up|establish\w*|launch\w*|open\w*|creat\w*|develop\w*|high time|intend\w*|will|"
    r"предлож\w*|готов\w*|заинтересован\w*|планир\w*|договорил\w*|намерен\w*|созда\w*|открыть|построить|"
    r"рассмотр\w*|запуст\w*|организ\w*|нужно|необходимо)\b",
    re.IGNORECASE,
)


def find_proposals(sentences: list[Sentence]) -> list[dict]:
    """Sentences that propose something, by kind (a sentence can hold several kinds)."""
    out, seen = [], set()
    for s in sentences:
        if not PROPOSAL_CUE_RE.search(s.text):
            continue
        kinds = {m.lastgroup for m in PROPOSAL_RE.finditer(s.text)}
        for kind in sorted(kinds, key=KIND_ORDER.index):
            if (kind, s.text) not in seen:
                seen.add((kind, s.text))
                out.append({"kind": kind, "text": s.text})
    return out
