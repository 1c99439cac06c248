"""The meeting brief: every figure in the Word and PDF files is the analysis output and carries a source mark."""

from __future__ import annotations

import io
import re
import time
from datetime import date

import numpy as np
import pandas as pd
import pytest
from docx import Document
from pypdf import PdfReader

from analysis import cli
from analysis.brief import chart
from analysis.brief.build import SECTION_KEYS, BriefInputs, build_brief, prepare, side_kpis
from analysis.brief.docx_render import render_docx
from analysis.brief.files import brief_filename, brief_files
from analysis.brief.model import Chart, Table
from analysis.brief.pdf_render import render_pdf
from analysis.brief.texts import EN, texts_for
from analysis.models import potential, targets, trade
from analysis.output.formatting import fmt_musd, fmt_pct
from analysis.views import opportunity_views
from tests.i18n_scan import FOREIGN_NOTE, english_words

DAY = date(2026, 3, 1)
NBSP, NNBSP = "\u00a0", "\u202f"  # Russian digit grouping; the narrow space before "г."
HEADINGS = [EN[f"h_{k}"] for k in SECTION_KEYS]
MARK = re.compile(r"\[\d+(?:, \d+)*\]")
MONEY = re.compile(r"-?\$[\d,]+(?:\.\d)? (?:m|bn)")
PERCENT = re.compile(r"[+-]?\d[\d,]*\.\d%")
# Not figures: dates, part-year periods, years and year ranges, table/figure numbers, section numbers.
NOT_FIGURES = [
    r"\d{4}-\d{2}-\d{2}", r"\d{4}-(?:\d{2}\.\.\d{2}|H\d|Q\d)", r"\b(?:19|20)\d{2}(?:[–-](?:19|20)\d{2})?\b",
    r"\b(?:Table|Figure) \d+", r"\b0–100\b", MARK.pattern,
]  # fmt: skip


@pytest.fixture(scope="module")
def inputs(fb) -> BriefInputs:
    return prepare(fb)


@pytest.fixture(scope="module")
def tatarstan(fb, inputs):
    brief = build_brief(fb, "RU-TA", today=DAY, inputs=inputs)
    return brief, brief_files(brief)


@pytest.fixture(scope="module")
def kalmykia(fb, inputs):
    brief = build_brief(fb, "RU-KL", today=DAY, inputs=inputs)
    return brief, brief_files(brief)


def docx_units(data: bytes) -> tuple[list[str], list[str], list[list[str]]]:
    """Headings, body paragraphs before Sources, and table rows (as cell lists) of a .docx."""
    doc = Document(io.BytesIO(data))
    headings, body = [], []
    for p in doc.paragraphs:
        if p.style.name.startswith("Heading") or p.style.name == "Title":
            headings.append(p.text)
        elif headings and headings[-1] != EN["h_sources"]:
            body.append(p.text)
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows[1:]]
    return headings, body, rows


def figures_in(text: str) -> list[str]:
    """Number tokens left once dates, years, periods, captions' numbers and marks are taken out."""
    for pattern in NOT_FIGURES:
        text = re.sub(pattern, " ", text)
    return re.findall(r"\d[\d,.]*", text)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.:;])\s+(?=[A-Z])", text) if s]


def expected_money_and_percent(fb, inputs: BriefInputs, iso: str) -> set[str]:
    """Every money and percent figure the analysis functions give for the region, formatted as shown."""
    values: set[str] = set()
    for side, best in inputs.by_side.items():
        rows = trade.region_series(best, iso)
        rows = rows[rows.year.between(*inputs.years) & (rows.side == side)]
        values |= {fmt_musd(v) for v in rows.value_musd}
        wide = rows.pivot_table(index="year", columns="flow", values="value_musd")
        if {"by_exports", "by_imports"} <= set(wide.columns):
            values |= {fmt_musd(v) for v in (wide.by_exports - wide.by_imports).dropna()}
        rows = rows.assign(side=side)
        k = trade.latest_kpis(rows, side)
        values |= {fmt_pct(v) for v in k.change_pct.dropna()}
    values |= {fmt_musd(v) for v in trade.region_series(inputs.best, iso).value_musd}
    values |= {fmt_musd(v) for v in trade.partial_year_figures(fb.trade_facts, iso).value_musd.dropna()}
    tp = targets.target_progress(fb.meetings[fb.meetings.region_iso == iso], inputs.best)
    values |= {
        fmt_musd(v) for v in pd.concat([tp.target_low_musd, tp.target_musd, tp.latest_actual_musd]).dropna()
    }
    values |= {fmt_pct(v, signed=False) for v in tp.progress_pct.dropna()}
    g = inputs.gravity
    pot = opportunity_views.potential_ranking(g, (iso,))
    if len(pot):
        p = pot.iloc[0]
        values |= {fmt_musd(p.expected_musd), fmt_musd(p.actual_musd)}
        values |= {fmt_pct(p.actual_to_expected * 100, signed=False), fmt_pct(p.loo_error_pct)}
        values.add(fmt_pct(abs(1 - p.actual_to_expected) * 100, signed=False))
    values.add(fmt_pct(g.loo_median_abs_error_pct, signed=False))
    return values


@pytest.mark.parametrize("iso", ["RU-TA", "RU-KL", "RU-MOW"])
def test_every_figure_in_the_docx_is_sourced_and_is_the_analysis_output(fb, inputs, iso):
    brief = build_brief(fb, iso, today=DAY, inputs=inputs)
    headings, body, rows = docx_units(render_docx(brief))
    assert headings == [brief.title, *HEADINGS]
    units = [s for p in body for s in sentences(p)] + [c for r in rows for c in r]
    unsourced = [u for u in units if figures_in(u) and not MARK.search(u)]
    assert unsourced == []
    assert all(MARK.fullmatch(f.marks) for f in brief.figures)  # every figure written carries a mark
    expected = expected_money_and_percent(fb, inputs, iso)
    text = "\n".join(units)
    shown = set(MONEY.findall(text)) | set(PERCENT.findall(text))
    assert shown, "the brief shows no figure"
    assert shown <= expected, shown - expected
    marks = {int(n) for m in MARK.findall(text) for n in m.strip("[]").split(", ")}
    assert marks == set(range(1, len(brief.sources) + 1))  # every mark resolves; every source is used


def test_latest_figures_per_side_equal_latest_kpis(fb, inputs, tatarstan):
    brief, files = tatarstan
    _, _, rows = docx_units(files.docx)
    flows = {EN[f"flow_{f}"]: f for f in ("turnover", "by_exports", "by_imports", "balance")}
    checked = 0
    for side in ("BY", "RU"):
        rows_side = trade.region_series(inputs.by_side[side], "RU-TA")
        k = trade.latest_kpis(rows_side[rows_side.year.between(*inputs.years)], side)
        for r in k.itertuples(index=False):
            cells = next(c for c in rows if c[0] == EN[f"flow_{r.flow}"] and c[1] == str(r.year))
            assert fmt_musd(r.value_musd) in cells[2] and MARK.search(cells[2])
            checked += 1
    assert checked >= 4 and flows


def test_tatarstan_has_chart_targets_and_potential(fb, inputs, tatarstan):
    brief, files = tatarstan
    doc = Document(io.BytesIO(files.docx))
    assert len(doc.inline_shapes) == 1  # the trade chart
    assert any(isinstance(b, Chart) for b in brief.section("trade").blocks)
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    target_table = doc.tables[headers.index([EN[c] for c in ("col_set_on", "col_target", "col_by", "col_latest", "col_progress", "col_status")])]  # fmt: skip
    tp = targets.target_progress(fb.meetings[fb.meetings.region_iso == "RU-TA"], inputs.best)
    assert len(target_table.rows) - 1 == len(tp) >= 1
    first = target_table.rows[1].cells
    assert first[1].text.startswith(fmt_musd(tp.target_musd.iloc[0]))
    assert first[4].text.startswith(fmt_pct(tp.progress_pct.iloc[0], signed=False))
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert sum(c.startswith("Table ") for c in captions) == len(doc.tables)
    assert sum(c.startswith("Figure 1.") for c in captions) == 1
    text = "\n".join(p.text for p in doc.paragraphs)
    p = opportunity_views.potential_ranking(inputs.gravity, ("RU-TA",)).iloc[0]
    assert f"expected turnover {fmt_musd(p.expected_musd)} [" in text and "modelled" in text
    assert (
        f"leave-one-out median error is {fmt_pct(inputs.gravity.loo_median_abs_error_pct, signed=False)}"
        in text
    )


def test_kalmykia_says_data_are_thin_and_keeps_every_section(kalmykia):
    brief, files = kalmykia
    headings, body, rows = docx_units(files.docx)
    assert headings == [brief.title, *HEADINGS]
    text = "\n".join(body)
    assert (
        "Data on Republic of Kalmykia are thin: 1 full-year trade figure, 2 meetings and 3 goods mentions"
        in text
    )
    assert "No numeric trade target is recorded for Republic of Kalmykia." in text
    assert any(c[0] == "Turnover" and c[2].startswith("almost $3.0 m [") for c in rows)
    assert "no figure is on record" not in text


def test_pdf_has_the_same_figures_with_their_marks(fb, inputs, tatarstan, kalmykia):
    for brief, files in (tatarstan, kalmykia):
        reader = PdfReader(io.BytesIO(files.pdf))
        assert 2 <= len(reader.pages) <= 5
        text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
        for h in HEADINGS:
            assert h in text
        docx_text = re.sub(
            r"\s+", " ", "\n".join(p.text for p in Document(io.BytesIO(files.docx)).paragraphs)
        )
        expected = expected_money_and_percent(fb, inputs, brief.iso)
        shown = set(MONEY.findall(text)) | set(PERCENT.findall(text))
        assert shown <= expected, shown - expected
        docx_doc = Document(io.BytesIO(files.docx))
        docx_text += " ".join(c.text for t in docx_doc.tables for r in t.rows for c in r.cells)
        assert shown == set(MONEY.findall(docx_text)) | set(PERCENT.findall(docx_text))
        # Each figure the builder wrote is in the PDF with its marks close behind (a template may put a
        # year or a unit in between, e.g. "4,004,809 (2021) [1]").
        missing = [
            f
            for f in brief.figures
            if not re.search(re.escape(f.text) + r"[^\[]{0,120}" + re.escape(f.marks), text)
        ]
        assert missing == []


def test_pdf_prints_cyrillic_with_the_embedded_font():
    from analysis.brief.model import Brief, Paragraph, Section

    brief = Brief("RU-KL", "Калмыкия", "2026-03-01", "en", "Справка: Республика Калмыкия",
                  [Section("facts", "1. Ключевые факты", [Paragraph("Элиста — столица.")])], [])  # fmt: skip
    text = PdfReader(io.BytesIO(render_pdf(brief))).pages[0].extract_text()
    assert "Справка: Республика Калмыкия" in text and "Элиста — столица." in text


def test_every_region_builds_and_opens_with_every_heading(fb, inputs):
    ru = fb.regions[fb.regions.country == "RU"].iso_code.tolist()
    assert len(ru) == 83
    started, cpu = time.perf_counter(), time.process_time()
    for iso in ru:
        brief = build_brief(fb, iso, today=DAY, inputs=inputs)
        headings, _, _ = docx_units(render_docx(brief))
        assert headings == [brief.title, *HEADINGS], iso
        for section in brief.sections[:-2]:
            assert section.blocks, f"{iso}: {section.key} is empty without a sentence"
    print(
        f"83 briefs (docx): {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU"
    )
    for iso in ("RU-AL", "RU-CHU", "RU-MOW"):  # PDF for a few: no figures, few, the most
        reader = PdfReader(io.BytesIO(render_pdf(build_brief(fb, iso, today=DAY, inputs=inputs))))
        assert all(h in " ".join(p.extract_text() for p in reader.pages) for h in HEADINGS)


def test_side_kpis_never_compute_a_change_across_sides():
    rows = pd.DataFrame(
        {
            "region_iso": "RU-XX",
            "year": [2022, 2023, 2023],
            "flow": ["turnover", "turnover", "by_exports"],
            "value_musd": [100.0, 150.0, 90.0],
            "side": ["BY", "RU", "RU"],
            "qualifier": "exact",
            "source_url": ["a", "b", "c"],
        }
    )
    ru = side_kpis(rows, "RU-XX", "RU", (2015, 2025))
    assert ru.flow.tolist() == ["turnover", "by_exports"]
    assert np.isnan(ru.change_pct).all()  # 2022 is BY: no change from it to RU's 2023
    by = side_kpis(rows.assign(side="BY"), "RU-XX", "BY", (2015, 2025))
    assert by.set_index("flow").change_pct["turnover"] == pytest.approx(50.0)  # 150 / 100 − 1, same side


def test_a_range_target_is_shown_as_a_range(tatarstan):
    brief, _ = tatarstan
    tables = [b for b in brief.section("meetings").blocks if isinstance(b, Table)]
    rows = {r[0]: r[1] for r in tables[-1].rows}  # targets: set on -> target
    assert re.fullmatch(r"\$1\.5 bn–\$2\.0 bn \[\d+\]", rows["2026-02-05"])
    assert re.fullmatch(r"\$1\.0 bn \[\d+\]", rows["2025-09-29"])


def test_model_source_names_the_fitted_specification(tatarstan, inputs):
    brief, _ = tatarstan
    text = "\n".join(brief.sources)
    assert f"turnover on {inputs.gravity.spec} (distance from Minsk)" in text


def test_default_years_are_the_dashboards_so_the_newest_meeting_is_listed(fb, tatarstan):
    from analysis.data.filters import data_years

    brief, _ = tatarstan
    lo, hi = data_years(fb.trade_facts, fb.meetings)
    text = "\n".join(b.text for s in brief.sections for b in s.blocks if hasattr(b, "text"))
    assert f"years {lo}–{hi}." in text
    newest = fb.meetings[fb.meetings.region_iso == "RU-TA"].date.astype(str).max()
    meetings = next(b for b in brief.section("meetings").blocks if isinstance(b, Table))
    assert meetings.rows[0][0].startswith(newest)


def test_filters_reach_the_brief(fb):
    brief = build_brief(fb, "RU-TA", side="RU", years=(2019, 2025), today=DAY)
    text = "\n".join(b.text for s in brief.sections for b in s.blocks if hasattr(b, "text"))
    assert "Filters: Russian statistics; years 2019–2025." in text
    tables = [b for b in brief.section("trade").blocks if isinstance(b, Table)]
    assert all("Belarusian statistics" not in t.caption for t in tables)
    series = trade.region_series(trade.best_annual_figures(fb.trade_facts, "RU"), "RU-TA")
    series = series[series.year.between(2019, 2025)]
    chart_table = tables[-1]
    assert [r[0] for r in chart_table.rows] == sorted(series.year.astype(str).unique().tolist())


@pytest.fixture(scope="module")
def kalmykia_ru(fb, inputs):
    brief = build_brief(fb, "RU-KL", lang="ru", today=DAY, inputs=inputs)
    return brief, brief_files(brief)


@pytest.fixture(scope="module")
def tatarstan_ru(fb, inputs):
    brief = build_brief(fb, "RU-TA", lang="ru", today=DAY, inputs=inputs)
    return brief, brief_files(brief)


def docx_texts(data: bytes) -> list[str]:
    """Every paragraph and table cell of a .docx, header rows included."""
    doc = Document(io.BytesIO(data))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


RU_HEADINGS = ["1. Основные сведения", "2. Торговля с Беларусью", "3. Встречи и договорённости", "4. Товары",
               "5. Возможности", "6. Открытые предложения", "7. Тезисы для беседы", "8. Источники"]  # fmt: skip


def test_russian_brief_has_russian_headings_tables_and_numbers(kalmykia_ru):
    brief, files = kalmykia_ru
    assert brief.lang == "ru" and brief.title == "Справка к встрече: Республика Калмыкия"
    headings, body, rows = docx_units(files.docx)
    assert headings == [brief.title, *RU_HEADINGS]
    doc = Document(io.BytesIO(files.docx))
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Показатель", "Значение"]
    facts = {r[0]: r[1] for r in rows[:6]}
    assert facts["Столица"] == "Элиста" and facts["Федеральный округ"] == "Южный федеральный округ"
    assert facts["Население"] == (
        "264,5 тыс. человек (на конец 2022 г.; Росстат, Российский статистический ежегодник 2023, табл. 4.2) [2]"
    )  # [1] is the count of records behind the 'data are thin' sentence
    text = "\n".join(body)
    assert f"Дата подготовки: 1 марта 2026{NNBSP}г.;" in text
    # plural forms: 1 figure, 2 meetings, 3 goods mentions
    assert (
        "Республика Калмыкия: данных мало — в базе 1 годовой показатель торговли, 2 встречи и 3 упоминания товаров ["
        in text
    )
    assert any(c[0] == "Товарооборот" and c[2].startswith("почти $3,0 млн [") for c in rows)
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert sum(c.startswith("Таблица ") for c in captions) == len(doc.tables)
    assert [c for c in captions if not c.startswith("Таблица ")] == [
        c for c in captions if c.startswith("Рисунок 1. ")
    ]


def test_russian_brief_has_no_english_left_but_marked_data_text(fb, inputs, kalmykia_ru, tatarstan_ru):
    # Kalmykia thin, Tatarstan rich; Moscow has a figure of unstated side, Karelia differing sources,
    # Altai no trade figure at all.
    others = [
        build_brief(fb, iso, lang="ru", today=DAY, inputs=inputs) for iso in ("RU-MOW", "RU-KR", "RU-AL")
    ]
    for brief, data in [*(kalmykia_ru, tatarstan_ru), *((b, render_docx(b)) for b in others)]:
        docx = data.docx if hasattr(data, "docx") else data
        left = [t for t in docx_texts(docx) if FOREIGN_NOTE not in t and english_words(t)]
        left += [s for s in brief.sources if FOREIGN_NOTE not in s and english_words(s)]
        assert left == [], brief.iso


def test_russian_brief_states_the_same_figures_with_the_same_sources(fb, inputs, tatarstan, tatarstan_ru):
    en, ru = tatarstan[0], tatarstan_ru[0]
    assert [(f.value, f.marks) for f in ru.figures] == [(f.value, f.marks) for f in en.figures]
    urls = [s for s in en.sources if s.startswith("http")]
    assert urls == [s for s in ru.sources if s.startswith("http")]
    text = " ".join(docx_texts(tatarstan_ru[1].docx))
    p = opportunity_views.potential_ranking(inputs.gravity, ("RU-TA",)).iloc[0]
    assert f"ожидаемый товарооборот {fmt_musd(p.expected_musd, 'ru')} [" in text
    assert fmt_musd(p.expected_musd, "ru") == "$1,2 млрд"  # the Russian money format
    assert "$1,5 млрд–$2,0 млрд [" in text  # the range target
    assert f"3{NBSP}454,7 млрд руб. (2021 г., в текущих ценах; Росстат" in text


def test_russian_pdf_prints_the_russian_text(kalmykia_ru):
    _, files = kalmykia_ru
    reader = PdfReader(io.BytesIO(files.pdf))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Справка к встрече: Республика Калмыкия" in text
    assert all(h in text for h in RU_HEADINGS)
    assert "почти $3,0 млн" in text and "Элиста" in text


def test_key_facts_are_rosstat_figures_with_year_and_source(fb, tatarstan):
    brief, _ = tatarstan
    facts = {r[0]: r[1] for r in brief.section("facts").blocks[-1].rows}
    # datasets/region_indicators.csv: RU-TA population 4001.6 thousand (end of 2022), GRP 3,454,700 million RUB
    # and 863,915.4 RUB per person (2021); the harvested Wikipedia values (4,004,809 in 2021) are gone.
    assert facts["Population"] == "4,001.6 thousand (end of 2022; Rosstat yearbook 2023, table 4.2) [1]"
    assert facts["Gross regional product (GRP)"] == (
        "RUB 3,454.7 bn (2021, current prices; Rosstat yearbook 2023, table 12.22) [1]"
    )
    assert (
        facts["GRP per person"]
        == "RUB 863,915 (2021, current prices; Rosstat yearbook 2023, table 12.22) [1]"
    )
    assert brief.sources[0] == "https://rosstat.gov.ru/folder/210/document/12994"
    assert not any("wikipedia" in s for s in brief.sources)


def test_service_sectors_are_listed_as_services_not_as_trade_gaps(fb, tatarstan, tatarstan_ru):
    brief, _ = tatarstan
    services = set(fb.sectors[fb.sectors.kind == "services"].name_en)
    tables = [b for b in brief.section("opportunities").blocks if isinstance(b, Table)]
    gaps = next(t for t in tables if t.caption == EN["gaps_caption"])
    listed = next(t for t in tables if t.caption == EN["services_caption"])
    assert not {r[0] for r in gaps.rows} & services  # a gap table only of goods sectors
    assert {"Tourism", "Culture", "Education", "Sports"} <= {r[0] for r in listed.rows} <= services
    assert "goods trade statistics do not measure" in listed.caption
    points = " ".join(b.text for b in brief.section("points").blocks)
    assert not any(f"{s} was discussed" in points for s in services)
    ru_tables = [b for b in tatarstan_ru[0].section("opportunities").blocks if isinstance(b, Table)]
    assert any(
        t.caption.startswith("Отрасли услуг") and t.rows[-1][:2] == ["Туризм", "1 [11]"] for t in ru_tables
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"iso": "RU-XX"}, "unknown Russian region"), ({"iso": "BY-HM"}, "unknown Russian region"),
     ({"side": "EU"}, "side must be"), ({"lang": "de"}, "lang must be"), ({"years": (2025, 2019)}, "years")],
)  # fmt: skip
def test_bad_input_is_refused(fb, kwargs, message):
    args = {"iso": "RU-KL"} | kwargs
    with pytest.raises(ValueError, match=message):
        build_brief(fb, args.pop("iso"), **args)


def test_file_names_say_region_and_date(tatarstan):
    _, files = tatarstan
    assert files.docx_name == "meeting-brief_RU-TA_republic-of-tatarstan_2026-03-01.docx"
    assert files.pdf_name == brief_filename("RU-TA", "Republic of Tatarstan", "2026-03-01", "pdf")


def test_chart_axis_and_legend_follow_the_brief_language(fb, inputs):
    from analysis.brief.build import _region_rows

    t = texts_for("ru")
    series = _region_rows(inputs.best, "RU-TA", inputs.years)
    fig = chart.flow_bars_figure(series, {f: t(f"flow_{f}") for f in trade.FLOWS}, t("chart_y"))
    ax = fig.axes[0]
    assert ax.get_ylabel() == "млн долларов США"
    legend = [x.get_text() for x in ax.get_legend().get_texts()]
    assert legend == ["Экспорт Беларуси", "Импорт Беларуси", "Товарооборот"]


def test_chart_uses_the_dashboard_colours():
    from dashboard import widgets

    assert chart.PALETTE == widgets.PALETTE
    assert chart.SIDE_COLOURS == widgets.SIDE_COLOURS
    with pytest.raises(ValueError):
        chart.flow_bars_png(pd.DataFrame(columns=["year", "flow", "value_musd", "side"]), {})


def test_cli_writes_docx_and_pdf(tmp_path, capsys, fb):
    out = tmp_path / "brief.docx"
    code = cli.main(["brief", "RU-TA", "--out", str(out), "--pdf", "--side", "RU", "--years", "2019-2025"])
    assert code == 0
    assert capsys.readouterr().out.split() == [str(out), str(out.with_suffix(".pdf"))]
    headings, body, _ = docx_units(out.read_bytes())
    assert headings[1:] == HEADINGS
    assert any("Filters: Russian statistics; years 2019–2025." in p for p in body)
    assert len(PdfReader(out.with_suffix(".pdf")).pages) >= 2


def test_cli_writes_the_brief_in_russian(tmp_path, capsys):
    out = tmp_path / "brief_ru.docx"
    code = cli.main(["brief", "RU-KL", "--out", str(out), "--pdf", "--lang", "ru", "--years", "2019-2025"])
    assert code == 0
    headings, body, _ = docx_units(out.read_bytes())
    assert headings == ["Справка к встрече: Республика Калмыкия", *RU_HEADINGS]
    assert any("фильтры: лучшие доступные данные (сначала белорусские); годы 2019–2025." in p for p in body)
    assert "Справка к встрече" in PdfReader(out.with_suffix(".pdf")).pages[0].extract_text()


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["brief", "RU-XX", "--out", "b.docx"], "unknown Russian region"),
     (["brief", "RU-TA", "--out", "b.txt"], "must name a .docx")],
)  # fmt: skip
def test_cli_bad_input_exits_2(tmp_path, capsys, argv, message):
    argv = [a if a not in ("b.docx", "b.txt") else str(tmp_path / a) for a in argv]
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli.main(["brief", "RU-TA", "--out", str(tmp_path / "b.docx"), "--years", "2025-2019"])
    assert exc.value.code == 2


def test_gravity_inputs_match_the_opportunities_page(fb, inputs):
    from analysis.data.filters import data_years

    economy = potential.region_economy(fb.region_indicators, fb.region_foreign_trade)
    years = data_years(fb.trade_facts, fb.meetings)  # the page's default Years
    g = potential.fit_gravity(trade.best_annual_figures(fb.trade_facts), fb.regions, years, economy)
    assert inputs.gravity.spec == g.spec
    assert inputs.gravity.n == g.n
    assert inputs.gravity.loo_median_abs_error_pct == pytest.approx(g.loo_median_abs_error_pct)


def test_every_model_term_has_a_russian_name():
    from analysis.brief.texts import MODEL_TERMS

    assert set(potential.TERM_LABELS.values()) == MODEL_TERMS
    assert (
        texts_for("ru").term("GRP + distance + border with Belarus")
        == "ВРП + расстояние + граница с Беларусью"
    )
