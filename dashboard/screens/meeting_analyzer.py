"""Meeting analyzer: paste or upload a report, see the structured record, compare, download."""

import re

import streamlit as st

from analysis.analyzer import record as analyzer_record
from analysis.analyzer import views as record_views
from analysis.analyzer.documents import InputProblem, check_text, read_document
from dashboard import review_form, widgets

fb, state = widgets.page_setup()
st.title("Meeting analyzer")
st.caption("English or Russian. Rules only, no network: every output shows the words it came from.")


@st.cache_resource(show_spinner="Preparing the analyzer…")
def analyzer() -> analyzer_record.Analyzer:
    return analyzer_record.default_analyzer()


draft_id = review_form.queue_picker()  # issue 15: reports queued by `python -m analysis ingest`
upload = st.file_uploader(
    "Upload a report (.txt, .md, .docx, .pdf; up to 2 MB)", type=["txt", "md", "docx", "pdf"]
)
pasted = st.text_area("…or paste the text of a report", height=200, key="report_text")
report_date = st.text_input("Report date (YYYY-MM-DD, optional: resolves 'last year')", key="report_date")

text = None
try:
    if upload is not None:
        text = read_document(upload.name, upload.getvalue())
    elif pasted.strip():
        text = check_text(pasted)
except InputProblem as exc:
    st.error(str(exc))

if text is None:
    if upload is None and not pasted.strip():
        widgets.empty_state("Nothing to analyse yet.", "Paste a meeting report above or upload a file.")
    st.stop()

date = report_date.strip() or None
if date and not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
    st.warning("The report date is not in YYYY-MM-DD form; it is ignored.")
    date = None
with st.spinner("Analysing…"):
    record = analyzer_record.public_record(analyzer().analyze(text, date))
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

with st.expander("Text with the evidence highlighted", expanded=False):
    st.markdown(record_views.highlight_html(text, record), unsafe_allow_html=True)

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

# --- Review and save to the fact base (issue 15; the form lives in dashboard/review_form.py) ---
review_form.review_and_save(record, text, fb, state, draft_id=draft_id)
