"""Data & methods: every table with source, licence and dates; whole-table downloads; definitions."""

import streamlit as st

from analysis.data import catalog
from analysis.models import trade
from dashboard import cached, widgets

fb, state = widgets.page_setup()
st.title(widgets.tr().gettext("Data & methods"))
st.markdown(
    "Every number in this dashboard comes from a row with a `source_url` and a date. Reported figures are never "
    "estimated or filled in; derived and modelled figures are labelled as such. Belarusian (BY) and Russian (RU) "
    "statistics differ and are kept apart."
)
cat = cached.table_catalogue(fb)
widgets.table(cat, "table-catalogue", state, fb, "catalogue", wrap=True, applies=())

st.subheader("Figures by kind of source")
st.caption(catalog.SOURCE_KIND_NOTE)
widgets.table(cached.figures_by_source_kind(fb), "figures-by-source-kind", state, fb, "source_kinds")

st.subheader("Download whole datasets")
name = st.selectbox(
    "Dataset",
    list(catalog.TABLE_NOTES),
    format_func=lambda n: f"{n}.csv ({len(getattr(fb, n))} rows)",
    key="dataset_pick",
    help="Every row of the curated table, whatever the filters; the file name says which table it is.",
)
widgets.download_buttons(getattr(fb, name), f"dataset-{name}", state, fb, "dataset", applies=())

st.subheader("Indicators")
widgets.table(catalog.INDICATORS, "indicator-definitions", state, fb, "indicators", wrap=True, applies=())
st.subheader("When sources disagree")
st.markdown(trade.CONFLICT_RULE)
rule = widgets.lazy_expander("Best annual figure: the rule", "more_best_rule")
if rule.open:
    with rule:
        st.markdown(trade.__doc__)
