"""Meeting analyzer: paste or upload a report, see the structured record, compare, download."""

import hashlib

import streamlit as st

from analysis.analyzer import record as analyzer_record
from analysis.analyzer import views as record_views
from analysis.analyzer.documents import InputProblem, check_report_date, check_text, read_document
from dashboard import widgets

fb, state = widgets.page_setup()
st.title("Meeting analyzer")
st.caption("English or Russian. Rules only, no network: every output shows the words it came from.")


@st.cache_resource(show_spinner="Preparing the analyzer…")
def analyzer() -> analyzer_record.Analyzer:
    return analyzer_record.default_analyzer()


upload = st.file_uploader(
    "Upload a report (.txt, .md, .docx, .pdf; up to 2 MB)", type=["txt", "md", "docx", "pdf"]
)
pasted = st.text_area("…or paste the text of a report", height=200, key="report_text")
report_date = st.text_input("Report date (YYYY-MM-DD, optional: resolves 'last year')", key="report_date")
try:
    date = check_report_date(report_date)
except InputProblem as exc:  # shown under the field; the report is still analysed, without a date
    st.warning(widgets.escape_literal(f"{exc} It is ignored."))
    date = None

text = None
try:
    if upload is not None:
        text = read_document(upload.name, upload.getvalue())
    elif pasted.strip():
        text = check_text(pasted)
except InputProblem as exc:  # the message quotes the file name: shown literally
    st.error(widgets.escape_literal(str(exc)))

if text is None:
    if upload is None and not pasted.strip():
        widgets.empty_state("Nothing to analyse yet.", "Paste a meeting report above or upload a file.")
    st.stop()


def analysed(text: str, date: str | None) -> dict:
    """The record of `text`; only the session's latest one is kept, so a rerun (a click in a table) does
    not analyse again and a new report releases the previous record."""
    key = (hashlib.sha256(text.encode("utf-8")).hexdigest(), date)
    kept = st.session_state.get("analyzer_last")
    if kept is None or kept[0] != key:
        st.session_state.pop("analyzer_last", None)
        with st.spinner("Analysing…"):
            kept = (key, analyzer_record.public_record(analyzer().analyze(text, date)))
        st.session_state.analyzer_last = kept
    return kept[1]


record = analysed(text, date)
tables = record_views.frames(record)

c = st.columns(3)
c[0].metric(
    "Region",
    record["region_name"] or "not recognised",
    record["region_iso"] or None,
    delta_color="off",
)
c[1].metric("Date", record["date"] or "not found")
c[2].metric("Sectors", len(record["sectors"]))
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

for key, title in (
    ("figures", "Trade figures"),
    ("targets", "Targets"),
    ("proposals", "Proposals"),
    ("products", "Goods"),
    ("sectors", "Sectors and evidence"),
):
    st.subheader(title)
    if tables[key].empty:
        st.caption(f"No {title.lower()} found.")
    else:
        widgets.table(tables[key], f"meeting-{key}", state, fb, f"record_{key}")

st.subheader("Compared with the fact base")
cmp = record_views.compare_with_factbase(record, fb)
if cmp.empty:
    st.caption("No trade figures to compare.")
else:
    widgets.table(cmp, "meeting-vs-fact-base", state, fb, "compare")

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
widgets.download_buttons(record_views.record_csv_frame(record), f"meeting-record-{tag}", state, fb, "record")
