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
    r"(?:[Hh]ead|[Gg]overnor)(?=\s+of\s)|"
    r"(?:[Зз]аместитель\s+)?(?:[Пп]ремьер-министр\w*|[Пп]резидент\w*|[Гг]убернатор\w*|[Гг]лав(?:а|е|у|ы|ой)|"
    r"[Мм]инистр\w*|[Пп]осол\w*|[Пп]редседател\w*|[Мм]эр\w*|[Пп]осл[ау]|[Пп]олномочн\w* представител\w*|"
    r"[Гг]енеральн\w* директор\w*|Директор\w*)"
)
_NAME_WORD = r"[A-ZА-ЯЁ][a-zа-яё’'-]+"
_INITIALS = r"(?:[A-ZА-ЯЁ]\.\s?){1,2}"
NAME_RE = re.compile(rf"(?:{_INITIALS}{_NAME_WORD}|{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})")
# The look-ahead (every form's first letters) only lets the engine skip other positions fast.
POSITION_RE = re.compile(
    rf"(?=[BRбрDPGHMACSЗзПГМДhgпгм])(?:(?:Belarusian|Russian|белорусск\w*|российск\w*)\s+)?\b(?:{POSITION})\b"
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
# A lower-case word ends a title and name ('… Oleg Sidorov met …'), unless it is an office or place word
# inside the title ('Governor of the Kaluga region …', 'Губернатор Калужской области …').
TITLE_END_RE = re.compile(
    r"\s(?!of\b|the\b|de\b|region\b|oblast\b|krai\b|republic\b|territory\b|"
    r"област\w*|кра[яйюе]\b|республик\w*|округ\w*|район\w*|город\w*|автономн\w*)[a-zа-яё]{3,}"
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
    r"(?:held|took place|met|meeting|talks|visit\w*|received|arriv\w*|came)\b[^.\n]{0,60}?\b(?:in|at)\s+"
    r"(?P<en>the\s+[A-Z][\w-]+(?:\s+(?:of\s+)?[A-Z][\w-]+){0,3}|[A-Z][a-z-]+(?:\s[A-Z][a-z-]+)?)|"
    r"(?:прош\w*|состоял\w*|встреч\w*|встрет\w*|переговор\w*|визит\w*|принял\w*|побывал\w*|прибыл\w*|"
    r"приехал\w*)\b[^.\n]{0,60}?\bв\s+"
    r"(?P<ru>(?:г\.\s*)?[А-ЯЁ][а-яё-]+(?:\s[А-ЯЁ][а-яё-]+)?|Дворце Независимости)"
)

# The place first, then the meeting: 'В Минске состоялась встреча …', 'In Kazan, the sides held talks …'.
PLACE_FIRST_RE = re.compile(
    r"(?:\A|[.!?]\s+|\n\s*)(?:В|Во)\s+(?P<ru>[А-ЯЁ][а-яё-]+)\s+(?:состоял\w*|прош(?:ли|ла|ел|ёл)|"
    r"начал\w*|встретил\w*|провели|подписал\w*)|"
    r"(?:\A|[.!?]\s+|\n\s*)In\s+(?P<en>[A-Z][a-z-]+),?\s+(?:[\w-]+\s+){0,4}?(?:met|held|hosted|signed|discussed)\b"
)
# 'trucks made in Minsk': a city named as where goods come from, not where the meeting was.
ORIGIN_BEFORE_RE = re.compile(
    r"(?:made|produced|manufactured|assembled|built|based|located|registered|произвед\w*|выпущен\w*|сделан\w*|"
    r"собран\w*|расположен\w*)\s+(?:in|at|в)\s+$",
    re.IGNORECASE,
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


def _side(position: str, before: str, in_position: list[str], just_before: list[str]) -> str | None:
    """'BY' or 'RU': a region named in the position ('Head of Tatarstan') says it, else a country word
    near it, else a region named just before ('Могилёвской области во главе с губернатором'), else an
    office word ('governor', 'oblast'); None when nothing does. The regions are ISO codes ('RU-TA')."""
    if in_position:
        return in_position[0][:2]
    window = before[-30:] + " " + position
    if BY_SIDE_RE.search(window):
        return "BY"
    if just_before:
        return just_before[-1][:2]
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


def find_participants(text: str, regions: list[tuple[int, int, str]] | None = None) -> list[dict]:
    """People named with a position: [{'name', 'position', 'side' ('BY', 'RU' or None)}], first mention each.

    `regions`: region names found in the text as (start, end, ISO code), which tell the side of a
    position that names one ('Head of Tatarstan' is Russian, 'Mogilev Oblast' Belarusian)."""
    regions = [r for r in regions or () if r[2][:3] in ("RU-", "BY-")]
    out: dict[str, dict] = {}
    for p in POSITION_RE.finditer(text):
        tail = text[p.end() : p.end() + 90]
        tail = re.split(r"[.;:!?\n«“\"(]|,\s", tail, maxsplit=1)[0]
        lower = TITLE_END_RE.search(tail)  # a verb ends the title and name
        if lower and lower.start() > 0:
            tail = tail[: lower.start()]
        n = _name_in(tail)
        if n is None or n.group(0).lower() in out:
            continue
        position = (p.group(0) + tail[: n.start()]).strip(" ,")
        end = p.start() + len(position)
        in_position = [iso for a, b, iso in regions if p.start() <= a and b <= end]
        just_before = [iso for a, b, iso in regions if p.start() - 30 < b <= p.start()]
        out[n.group(0).lower()] = {
            "name": n.group(0),
            "position": position,
            "side": _side(position, text[: p.start()], in_position, just_before),
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
    firsts = [m for m in (_first_place(HELD_RE, text), _first_place(PLACE_FIRST_RE, text)) if m is not None]
    if not firsts:
        return None
    first = min(firsts, key=lambda f: f.start(f.lastgroup))
    return first.group(first.lastgroup).strip()


def _first_place(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of `rx` whose place is no month and not where goods were made ('made in Minsk')."""
    for m in rx.finditer(text):
        at = m.start(m.lastgroup)
        if not MONTH_RE.match(m.group(m.lastgroup).strip()) and not ORIGIN_BEFORE_RE.search(
            text, max(0, at - 40), at
        ):
            return m
    return None
