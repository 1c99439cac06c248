"""Proposals in a report: sentences that propose something, by kind (flight, warehouse, joint venture…)."""

from __future__ import annotations

from analysis.analyzer.sentences import Sentence
from analysis.analyzer.textmatch import word_start_re

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
PROPOSAL_RE = word_start_re("|".join(rf"(?P<{k}>{p})" for k, p in PROPOSAL_KINDS))
KIND_ORDER = [k for k, _ in PROPOSAL_KINDS]
GENERAL_KINDS = {"contract", "supply", "other"}
PROPOSAL_CUE_RE = word_start_re(
    r"(?:propos\w*|suggest\w*|offer\w*|ready to|interest\w*|plan\w*|should|could|agreed|initiative|invit\w*|"
    r"consider\w*|build|set up|establish\w*|launch\w*|open\w*|creat\w*|develop\w*|high time|intend\w*|will|"
    r"предлож\w*|готов\w*|заинтересован\w*|планир\w*|договорил\w*|намерен\w*|созда\w*|открыть|построить|"
    r"рассмотр\w*|запуст\w*|организ\w*|нужно|необходимо)\b"
)


def find_proposals(sentences: list[Sentence]) -> list[dict]:
    """Sentences that propose something, each listed once: its best kind, the other kinds it names in `also`.

    The best kind is the first specific kind named (flight, warehouse, service centre, joint venture,
    training); contract, supply and 'other' only when no specific kind is named.
    """
    out, seen = [], set()
    for s in sentences:
        if s.text in seen or not PROPOSAL_CUE_RE.search(s.text):
            continue
        first: dict[str, int] = {}
        for m in PROPOSAL_RE.finditer(s.text):
            first.setdefault(m.lastgroup, m.start())
        kinds = sorted(first, key=lambda k: (k in GENERAL_KINDS, first[k] if k not in GENERAL_KINDS else 0,
                                             KIND_ORDER.index(k)))  # fmt: skip
        if kinds:
            seen.add(s.text)
            out.append({"kind": kinds[0], "also": kinds[1:], "text": s.text})
    return out
