"""Entry point: only page routing. Each page draws the shared filters. Run: streamlit run dashboard/app.py"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import widgets  # noqa: E402

_ = widgets.tr().gettext  # the interface language (URL `lang`, then the sidebar switch)

# A local SVG, sent inline as a data: URI: a Material or emoji icon would be fetched from a font host or CDN.
st.set_page_config(
    page_title=_("Belarus ⇄ Russian regions trade"),
    page_icon=str(ROOT / "dashboard" / "icon.svg"),
    layout="wide",
)

PAGES = [
    st.Page("screens/overview.py", title=_("Overview"), icon=":material/home:", default=True),
    st.Page("screens/regions.py", title=_("Regions"), icon=":material/map:", url_path="regions"),
    st.Page("screens/sectors.py", title=_("Sectors"), icon=":material/factory:", url_path="sectors"),
    st.Page(
        "screens/opportunities.py",
        title=_("Opportunities"),
        icon=":material/target:",
        url_path="opportunities",
    ),
    st.Page(
        "screens/meeting_analyzer.py",
        title=_("Meeting analyzer"),
        icon=":material/description:",
        url_path="meeting-analyzer",
    ),
    st.Page("screens/records.py", title=_("Records"), icon=":material/edit_note:", url_path="records"),
    st.Page(
        "screens/data_methods.py",
        title=_("Data & methods"),
        icon=":material/menu_book:",
        url_path="data-methods",
    ),
]

st.navigation(PAGES).run()

widgets.page_footer(widgets.factbase_or_stop())
