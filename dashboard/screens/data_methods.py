"""Data & methods: every table with source, licence and dates; whole-table downloads; definitions."""

import streamlit as st

from analysis.data import catalog
from analysis.models import trade
from dashboard import cached, widgets

fb, state = widgets.page_setup()
tr = widgets.tr()
_ = tr.gettext
st.title(_("Data & methods"))
st.markdown(
    _(
        "Every number in this dashboard comes from a row with a `source_url` and a date. Reported figures are "
        "never estimated or filled in; derived and modelled figures are labelled as such. Belarusian (BY) and "
        "Russian (RU) statistics differ and are kept apart."
    )
)
cat = cached.table_catalogue(fb, _)
widgets.table(cat, "table-catalogue", state, fb, "catalogue", wrap=True, applies=())

st.subheader(_("Figures by kind of source"))
st.caption(_(catalog.SOURCE_KIND_NOTE))
widgets.table(cached.figures_by_source_kind(fb, _), "figures-by-source-kind", state, fb, "source_kinds")

st.subheader(_("Download whole datasets"))


def dataset_label(name: str) -> str:
    rows = tr.ngettext("{n} row", "{n} rows", len(getattr(fb, name)))
    return f"{name}.csv ({rows})"


name = st.selectbox(
    _("Dataset"),
    list(catalog.TABLE_NOTES),
    format_func=dataset_label,
    key="dataset_pick",
    help=_("Every row of the curated table, whatever the filters; the file name says which table it is."),
)
widgets.download_buttons(getattr(fb, name), f"dataset-{name}", state, fb, "dataset", applies=())

st.subheader(_("Indicators"))
widgets.table(
    catalog.indicator_definitions(_), "indicator-definitions", state, fb, "indicators", wrap=True, applies=()
)
st.subheader(_("When sources disagree"))
st.markdown(_(trade.CONFLICT_RULE))
rule = widgets.lazy_expander(_("Best annual figure: the rule"), "more_best_rule")
if rule.open:
    with rule:
        st.markdown(_(trade.BEST_FIGURE_RULE))
