"""Meeting analyzer: paste or upload a report, check its date, analyse, see the record, compare, download.

The pasted text, the uploaded file and the last result are kept in session state under `ma_*` keys so
they survive a visit to another page (Streamlit drops a widget's own state when it is not drawn).
An upload is read once and kept as packed text (or its problem), the result packed (dashboard/kept.py).
"""

import streamlit as st

from analysis.analyzer import record as analyzer_record
from analysis.analyzer import views as record_views
from analysis.analyzer.dates import check_report_date, find_date
from analysis.analyzer.documents import InputProblem, choose_input, read_document
from analysis.output.formatting import fmt_date, fmt_int
from analysis.output.i18n import N_
from dashboard import kept as packed
from dashboard import review_form, widgets

fb, state = widgets.page_setup()
tr = widgets.tr()
_ = tr.gettext
lang = widgets.ui_lang()
st.title(_("Meeting analyzer"))
st.caption(_("English or Russian. Rules only, no network: every output shows the words it came from."))
ss = st.session_state


@st.cache_resource(show_spinner=False)
def analyzer() -> analyzer_record.Analyzer:
    return analyzer_record.default_analyzer()


draft_id = review_form.queue_picker()  # reports queued by `python -m analysis ingest`


def _keep_text() -> None:
    ss.ma_text = ss.report_text


if "report_text" not in ss:  # back from another page: restore what was pasted
    ss.report_text = ss.get("ma_text", "")


def _keep_upload() -> None:
    f = ss.get("ma_uploader")
    ss.ma_upload = (f.name, f.getvalue()) if f is not None else None  # None: the user removed the file


upload = st.file_uploader(
    _("Upload a report (.txt, .md, .docx, .pdf; up to 2 MB)"),
    type=["txt", "md", "docx", "pdf"],
    key="ma_uploader",
    on_change=_keep_upload,
)
if upload is not None and ss.get("ma_upload_id") != upload.file_id:  # a new file: read below, once
    ss.ma_upload, ss.ma_upload_id = (upload.name, upload.getvalue()), upload.file_id
kept = ss.get("ma_upload")
if kept and len(kept) == 2:  # (name, bytes) just uploaded -> (name, packed text, problem): bytes not kept
    try:
        kept = (kept[0], packed.pack_text(read_document(*kept)), None)
    except InputProblem as exc:
        kept = (kept[0], None, str(exc))
    ss.ma_upload = kept
if kept and upload is None:
    left, right = st.columns([4, 1])
    left.caption(_("Using the file uploaded before: **{name}**.", name=kept[0]))
    if right.button(_("Forget the file"), key="ma_forget"):
        ss.ma_upload = kept = None
pasted = st.text_area(
    _("…or paste the text of a report"), height=200, key="report_text", on_change=_keep_text
)
ss.ma_text = pasted

prefer = "file"
if kept and pasted.strip():
    choice = st.radio(
        _("Both a file and pasted text are given. Analyze:"),
        [N_("the uploaded file"), N_("the pasted text")],  # English values, shown translated
        format_func=_,
        horizontal=True,
        key="ma_source",
    )
    prefer = "file" if choice == "the uploaded file" else "pasted"

text, source, problem = None, None, None
try:
    if kept and kept[2]:
        raise InputProblem(kept[2])
    file_text = packed.unpack_text(kept[1]) if kept else None
    if file_text is not None or pasted.strip():
        text, _source = choose_input(file_text, kept[0] if kept else None, pasted, prefer)
        source = kept[0] if kept and text is file_text else None  # the file's name, or None: pasted text
except InputProblem as exc:
    problem = exc.message(_)

if text is not None and ss.get("ma_date_for") != packed.digest(text):  # a new report: its own date
    ss.report_date = find_date(text) or ""
    ss.ma_date_for = packed.digest(text)
elif "report_date" not in ss:
    ss.report_date = ss.get("ma_date", "")
raw_date = st.text_input(
    _("Report date (YYYY-MM-DD): filled in from the report when it gives one; resolves 'last year'"),
    key="report_date",
)
ss.ma_date = raw_date
date, date_problem = check_report_date(raw_date, _)
if date_problem:  # it quotes what was typed: shown literally
    st.error(widgets.escape_literal(date_problem))

clicked = st.button(_("Analyze"), type="primary", key="ma_analyze")
if problem:  # the message quotes the file name: shown literally
    st.error(widgets.escape_literal(problem))

result = ss.get("ma_result")
if text is not None and (clicked or result is None or result.key != (packed.digest(text), date)):
    with st.spinner(_("Analysing…")):
        record = analyzer_record.public_record(analyzer().analyze(text, date))
    result = ss.ma_result = packed.KeptResult(text, date, source, record)

if text is None or result is None:
    if problem is None:
        widgets.empty_state(_("Nothing to analyse yet."), _("Paste a meeting report above or upload a file."))
    st.stop()


def shown_table(df, what: str, key: str, proposals: bool = False) -> None:
    """A table with its coded values in words; its downloads keep the codes."""
    widgets.table(record_views.display_frame(df, _, proposals), what, state, fb, key, downloads=False)
    widgets.download_buttons(df, what, state, fb, key, applies=())


record = result["record"]
if result["source"]:
    st.caption(_("Analysed the uploaded file '{name}'.", name=result["source"]))
else:
    st.caption(_("Analysed the pasted text."))
if record["date"]:
    as_written = record["date"] == record.get("date_in_text")
    day, year = fmt_date(record["date"], lang), record["last_year"]
    if as_written:
        st.caption(_("Report date {date} (as written in the report): 'last year' is read as **{year}**.",
                     date=day, year=year))  # fmt: skip
    else:
        st.caption(_("Report date {date}: 'last year' is read as **{year}**.", date=day, year=year))
else:
    st.caption(_("No report date: 'last year' and part-years without a year are left without a period."))

tables = record_views.frames(record)
c = st.columns([2, 1, 1, 1])  # the region's name needs the room
iso = record["region_iso"]
c[0].metric(
    _("Region"),
    widgets.region_name(fb, iso, record["region_name"]) if iso else _("not recognised"),
    iso or None,
    delta_color="off",
    delta_arrow="off",  # the ISO code is a label, not a change
)
c[1].metric(_("Date"), fmt_date(record["date"], lang) if record["date"] else _("not found"))
c[2].metric(_("Place"), record.get("place") or _("not found"))
c[3].metric(_("Sectors"), fmt_int(len(record["sectors"]), lang))
sector_name = widgets.sector_label(fb)
st.markdown(
    " ".join(f":blue-background[{sector_name(s['id'])}]" for s in record["sectors"])
    or _("No sector recognised.")
)

box = widgets.lazy_expander(_("Text with the evidence highlighted"), "analyzer_highlight")
if box.open:  # built and sent only while open, one part of at most 20,000 characters at a time
    with box:
        parts = record_views.text_parts(text)
        part = 0
        if len(parts) > 1:
            part = (
                st.number_input(_("Part (of {n})", n=len(parts)), 1, len(parts), 1, key="highlight_part") - 1
            )
        st.markdown(record_views.highlight_html(text, record, *parts[part]), unsafe_allow_html=True)

main_figures, other_figures = record_views.figure_tables(record, fb.fx_rates)
st.subheader(_("Trade figures"))
st.caption(
    _(
        "Reported trade of Belarus with the meeting's region. Value, million USD: the value converted "
        "(other currencies only for a whole year, at the year's average rate in the fact base)."
    )
)
if main_figures.empty:
    st.caption(_("No trade figures found."))
else:
    shown_table(main_figures, "meeting-figures", "record_figures")
st.subheader(_("Other figures: forecasts, national totals, other regions, groups, oblast pairs"))
if other_figures.empty:
    st.caption(_("None."))
else:
    shown_table(other_figures, "meeting-other-figures", "record_other_figures")

for key, title, none in (
    ("targets", _("Targets"), _("No targets found.")),
    ("proposals", _("Proposals"), _("No proposals found.")),
    ("products", _("Goods"), _("No goods found.")),
    ("sectors", _("Sectors and evidence"), _("No sectors and evidence found.")),
):
    st.subheader(title)
    if tables[key].empty:
        st.caption(none)
    else:
        shown_table(tables[key], f"meeting-{key}", f"record_{key}", proposals=key == "proposals")

st.subheader(_("Participants"))
if record.get("participants"):
    shown_table(record_views.participants_frame(record), "meeting-participants", "record_participants")
else:
    st.caption(_("No named participants found."))

st.subheader(_("Compared with the fact base"))
cmp = record_views.compare_with_factbase(record, fb)
if cmp.empty:
    st.caption(_("No reported trade figures of the region to compare."))
else:
    st.caption(
        _("Each figure next to the stored value nearest to it for the same period, flow and currency.")
    )
    shown_table(cmp, "meeting-vs-fact-base", "compare")

st.subheader(_("Download the record"))
tag = record["region_iso"] or "unknown-region"
d1, d2, _ = st.columns([1, 1, 4])
d1.download_button(
    "⬇ JSON",
    record_views.record_json(record),
    f"meeting-record_{tag}.json",
    "application/json",
    key="dl_json",
    on_click="ignore",
)
widgets.download_buttons(
    record_views.record_csv_frame(record), f"meeting-record-{tag}", state, fb, "record", applies=()
)

# --- Review and save to the fact base (the form lives in dashboard/review_form.py) ---
review_form.review_and_save(record, text, fb, state, draft_id=draft_id)
