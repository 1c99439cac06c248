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
from dashboard import kept as packed
from dashboard import review_form, widgets

fb, state = widgets.page_setup()
st.title(widgets.tr().gettext("Meeting analyzer"))
st.caption("English or Russian. Rules only, no network: every output shows the words it came from.")
ss = st.session_state


@st.cache_resource(show_spinner="Preparing the analyzer…")
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
    "Upload a report (.txt, .md, .docx, .pdf; up to 2 MB)",
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
    left.caption(f"Using the file uploaded before: **{kept[0]}**.")
    if right.button("Forget the file", key="ma_forget"):
        ss.ma_upload = kept = None
pasted = st.text_area("…or paste the text of a report", height=200, key="report_text", on_change=_keep_text)
ss.ma_text = pasted

prefer = "file"
if kept and pasted.strip():
    choice = st.radio(
        "Both a file and pasted text are given. Analyze:",
        ["the uploaded file", "the pasted text"],
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
        text, source = choose_input(file_text, kept[0] if kept else None, pasted, prefer)
except InputProblem as exc:
    problem = str(exc)

if text is not None and ss.get("ma_date_for") != packed.digest(text):  # a new report: its own date
    ss.report_date = find_date(text) or ""
    ss.ma_date_for = packed.digest(text)
elif "report_date" not in ss:
    ss.report_date = ss.get("ma_date", "")
raw_date = st.text_input(
    "Report date (YYYY-MM-DD): filled in from the report when it gives one; resolves 'last year'",
    key="report_date",
)
ss.ma_date = raw_date
date, date_problem = check_report_date(raw_date)
if date_problem:  # it quotes what was typed: shown literally
    st.error(widgets.escape_literal(date_problem))

clicked = st.button("Analyze", type="primary", key="ma_analyze")
if problem:  # the message quotes the file name: shown literally
    st.error(widgets.escape_literal(problem))

result = ss.get("ma_result")
if text is not None and (clicked or result is None or result.key != (packed.digest(text), date)):
    with st.spinner("Analysing…"):
        record = analyzer_record.public_record(analyzer().analyze(text, date))
    result = ss.ma_result = packed.KeptResult(text, date, source, record)

if text is None or result is None:
    if problem is None:
        widgets.empty_state("Nothing to analyse yet.", "Paste a meeting report above or upload a file.")
    st.stop()

record = result["record"]  # unpacked once per run; the text is `text` (the result is of this text)
st.caption(f"Analysed {result['source']}.")
if record["date"]:
    st.caption(
        f"Report date {record['date']}"
        + (" (as written in the report)" if record["date"] == record.get("date_in_text") else "")
        + f": 'last year' / 'в прошлом году' is read as **{record['last_year']}**."
    )
else:
    st.caption("No report date: 'last year' and part-years without a year are left without a period.")

tables = record_views.frames(record)
c = st.columns([2, 1, 1, 1])  # the region's name needs the room
c[0].metric(
    "Region",
    record["region_name"] or "not recognised",
    record["region_iso"] or None,
    delta_color="off",
    delta_arrow="off",  # the ISO code is a label, not a change
)
c[1].metric("Date", record["date"] or "not found")
c[2].metric("Place", record.get("place") or "not found")
c[3].metric("Sectors", len(record["sectors"]))
names = fb.sectors.set_index("sector_id").name_en
st.markdown(
    " ".join(f":blue-background[{names.get(s['id'], s['id'])}]" for s in record["sectors"])
    or "No sector recognised."
)

box = widgets.lazy_expander("Text with the evidence highlighted", "analyzer_highlight")
if box.open:  # built and sent only while open, one part of at most 20,000 characters at a time
    with box:
        parts = record_views.text_parts(text)
        part = 0
        if len(parts) > 1:
            part = st.number_input(f"Part (of {len(parts)})", 1, len(parts), 1, key="highlight_part") - 1
        st.markdown(record_views.highlight_html(text, record, *parts[part]), unsafe_allow_html=True)

main_figures, other_figures = record_views.figure_tables(record, fb.fx_rates)
st.subheader("Trade figures")
st.caption(
    "Reported trade of Belarus with the meeting's region. value_musd = the value in million USD "
    "(other currencies only for a whole year, at the year's average rate in the fact base)."
)
if main_figures.empty:
    st.caption("No trade figures found.")
else:
    widgets.table(main_figures, "meeting-figures", state, fb, "record_figures", applies=())
st.subheader("Other figures: forecasts, national totals, other regions, groups, oblast pairs")
if other_figures.empty:
    st.caption("None.")
else:
    widgets.table(other_figures, "meeting-other-figures", state, fb, "record_other_figures", applies=())

for key, title in (
    ("targets", "Targets"),
    ("proposals", "Proposals"),
    ("products", "Goods"),
    ("sectors", "Sectors and evidence"),
):
    st.subheader(title)
    if tables[key].empty:
        st.caption(f"No {title.lower()} found.")
    else:
        widgets.table(tables[key], f"meeting-{key}", state, fb, f"record_{key}", applies=())

st.subheader("Participants")
if record.get("participants"):
    widgets.table(
        record_views.participants_frame(record),
        "meeting-participants",
        state,
        fb,
        "record_participants",
        applies=(),
    )
else:
    st.caption("No named participants found.")

st.subheader("Compared with the fact base")
cmp = record_views.compare_with_factbase(record, fb)
if cmp.empty:
    st.caption("No reported trade figures of the region to compare.")
else:
    st.caption("Each figure next to the stored value nearest to it for the same period, flow and currency.")
    widgets.table(cmp, "meeting-vs-fact-base", state, fb, "compare", applies=())

st.subheader("Download the record")
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
