"""Meeting metadata written in a report: who met (name and position on each side, as written) and where.

Rules only: a position word ('Governor', 'Глава', 'Prime Minister') followed within a few words by a
capitalised name; the side is Belarusian when the position says so ('Belarusian President',
'Премьер-министр Беларуси'), Russian when it names Russia or a region's office, else unknown.
The place is a dateline city ('Minsk, 14 May 2025', 'Элиста.') or 'held in / at …' ('в Минске').
"""

from __future__ import annotations

import re

POSITION = (
    r"(?:Deputy\s+)?(?:Prime Minister|President|Governor|Head|Minister|Ambassador|Chairman|Chairwoman|Chair|"
    r"Mayor|Speaker|Director General|Director|Secretary|Consul General|Plenipotentiary Representative)|"
    r"(?:[Зз]аместитель\s+)?(?:Премьер-министр\w*|Президент\w*|Губернатор\w*|Глав(?:а|е|у|ы|ой)|Министр\w*|Посол\w*|"
    r"Председател\w*|Мэр\w*|Посл[ау]|Полномочн\w* представител\w*|Генеральн\w* директор\w*|Директор\w*)"
)
_NAME_WORD = r"[A-ZА-ЯЁ][a-zа-яё’'-]+"
_INITIALS = r"(?:[A-ZА-ЯЁ]\.\s?){1,2}"
NAME_RE = re.compile(rf"(?:{_INITIALS}{_NAME_WORD}|{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})")
# The look-ahead (every form's first letters) only lets the engine skip other positions fast.
POSITION_RE = re.compile(
    rf"(?=[BRбрDPGHMACSЗзПГМД])(?:(?:Belarusian|Russian|белорусск\w*|российск\w*)\s+)?\b(?:{POSITION})\b"
)
RUN_RE = re.compile(rf"(?:{_INITIALS})?{_NAME_WORD}(?:\s+(?:{_INITIALS})?{_NAME_WORD})*")
PATRONYMIC_RE = re.compile(r"(?:вич|вна|ична|vich|vna)\w{0,3}$")
NOT_NAME = re.compile(
    r"^(?:Republic|Region|Oblast|Krai|Territory|Belarus|Russia|Russian|Belarusian|Federation|Council|Ministry|"
    r"Palace|Independence|Government|Okrug|Autonomous|State|Union|The|Of|President|Governor|Head|Minister|"
    r"Chamber|Commerce|Industry|Assembly|Administration|Embassy|Trade|House|Prime|Deputy|Kalmykia|Minsk|Moscow|"
    r"Республик\w*|Област\w*|Кра[йяю]|Беларус\w*|Росси\w*|Российск\w*|Белорусск\w*|Федераци\w*|Совет\w*|"
    r"Министерств\w*|Правительств\w*|Дворц\w*|Независимост\w*|Союзн\w*|Государств\w*|Палат\w*|Администраци\w*|"
    r"Посольств\w*|Округ\w*|Автономн\w*|Глав\w*|Губернатор\w*|Президент\w*|Премьер\w*|Министр\w*)$"
)
BY_SIDE_RE = re.compile(r"belarus|белорус|беларус", re.IGNORECASE)
RU_SIDE_RE = re.compile(
    r"russia|губернатор|governor|region|oblast|krai|republic|республик|област|кра[яйю]|округ|росси",
    re.IGNORECASE,
)
DATELINE_RE = re.compile(
    r"\A\s*(?P<city>[A-ZА-ЯЁ][a-zа-яё-]+(?:[\s-][A-ZА-ЯЁ][a-zа-яё-]+)?)(?:,\s+\d{1,2}\s|\.\s|,\s+(?:on\s+)?[A-ZА-ЯЁ]\w+\s+\d)"
)
HELD_RE = re.compile(
    r"(?:held|took place|met|meeting|talks|visit\w*|received)\b[^.\n]{0,60}?\b(?:in|at)\s+"
    r"(?P<en>the\s+[A-Z][\w-]+(?:\s+(?:of\s+)?[A-Z][\w-]+){0,3}|[A-Z][a-z-]+(?:\s[A-Z][a-z-]+)?)|"
    r"(?:прош\w*|состоял\w*|встреч\w*|переговор\w*|визит\w*|принял\w*)\b[^.\n]{0,60}?\bв\s+"
    r"(?P<ru>(?:г\.\s*)?[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?|Дворце Независимости)"
)


VENUE_RE = re.compile(
    r"\b(?:at|in) the ((?:Palace|House) of (?:Independence|Government|Friendship))|"
    r"во? (Дворце Независимости|Доме Правительства)"
)
MONTH_RE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Января|Феврал|Марте|Апреле|Мае|Июне|Июле|Августе|Сентябре|Октябре|Ноябре|Декабре)",
    re.I,
)


def _side(position: str, before: str) -> str | None:
    window = before[-30:] + " " + position
    if BY_SIDE_RE.search(window):
        return "BY"
    if RU_SIDE_RE.search(window):
        return "RU"
    return None


def _name_in(tail: str) -> re.Match[str] | None:
    """The person's name in the words after a position: the last run of capitalised words, minus
    leading office and place words ('of Kaluga Oblast Oleg Sidorov' → 'Oleg Sidorov')."""
    for run in RUN_RE.finditer(tail):
        words = run.group(0).split()
        cut = max((i + 1 for i, w in enumerate(words) if NOT_NAME.match(w.rstrip("."))), default=0)
        rest = words[cut:]
        if len(rest) >= 3 and not PATRONYMIC_RE.search(rest[-2]):
            rest = rest[-2:]
        if len(rest) >= 2 or (rest and re.match(_INITIALS, rest[0])):
            name = " ".join(rest)
            pos = run.start() + run.group(0).rindex(name)
            return re.compile(re.escape(name)).match(tail, pos)
    return None


def find_participants(text: str) -> list[dict]:
    """People named with a position: [{'name', 'position', 'side' ('BY', 'RU' or None)}], first mention each."""
    out: dict[str, dict] = {}
    for p in POSITION_RE.finditer(text):
        tail = text[p.end() : p.end() + 90]
        tail = re.split(r"[.;:!?\n«“\"(]|,\s", tail, maxsplit=1)[0]
        lower = re.search(r"\s(?!of\b|the\b|de\b)[a-zа-яё]{3,}", tail)  # a verb ends the title and name
        if lower and lower.start() > 0:
            tail = tail[: lower.start()]
        n = _name_in(tail)
        if n is None or n.group(0).lower() in out:
            continue
        position = (p.group(0) + tail[: n.start()]).strip(" ,")
        out[n.group(0).lower()] = {
            "name": n.group(0),
            "position": position,
            "side": _side(position, text[: p.start()]),
        }
    return list(out.values())


def find_place(text: str) -> str | None:
    """The meeting's place as written: a dateline city, else where it was 'held in / at', else None."""
    m = DATELINE_RE.search(text)
    if m and m.group("city") not in ("The", "Meeting", "Note", "Talks"):
        return m.group("city")
    m = VENUE_RE.search(text)
    if m:
        return m.group(1) or m.group(2)
    for m in HELD_RE.finditer(text):
        place = (m.group("en") or m.group("ru")).strip()
        if not MONTH_RE.match(place):
            return place
    return None
