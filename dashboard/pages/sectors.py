"""Sectors: one card per taxonomy sector with scope, national facts, regions and a summary."""

import plotly.graph_objects as go
import streamlit as st

from analysis import sector_cards, summaries
from dashboard import widgets

fb, state = widgets.page_setup()
st.title("Sectors")
st.caption(
    "The four sectors the design card names lead: engineering, pharmaceuticals, agriculture and construction. "
    "'Traded' means goods of the sector are named as traded with the region in a sourced report."
)
matrix = widgets.sector_matrix(*state.years)
if state.regions:
    matrix = matrix[matrix.region_iso.isin(state.regions)]
overview = sector_cards.sector_overview(fb, matrix, state.sectors)
fig = go.Figure()
for col, name, colour in (
    ("regions_traded", "Regions where its goods are traded", widgets.PALETTE[0]),
    ("regions_discussed_not_traded", "Discussed, no trade recorded", widgets.PALETTE[1]),
):
    fig.add_trace(
        go.Bar(y=overview.name_en, x=overview[col], name=name, orientation="h", marker_color=colour)
    )
fig.update_layout(
    barmode="group",
    xaxis_title="number of Russian regions",
    yaxis={"autorange": "reversed"},
    height=max(300, 30 * len(overview)),
)
widgets.show_chart(fig, "sector_overview_chart")
st.dataframe(overview, hide_index=True, width="stretch")
widgets.download_buttons(overview, "sectors-overview", state, fb, "sectors_overview")

label = widgets.region_label(fb)
for sid in overview.sector_id:
    sec = fb.sectors.set_index("sector_id").loc[sid]
    with st.container(border=True):
        st.subheader(sec.name_en)
        codes = "; ".join(x for x in (sec.hs_codes, sec.ebops_codes) if x)
        st.caption(f"{sec.kind.capitalize()} · {sec.scope} · codes: {codes or '–'}")
        summary = summaries.sector_summary(fb, matrix, sid)
        st.markdown(summary.text)
        widgets.sources_list(summary.sources, "Sources of this summary")
        lists = sector_cards.region_lists_frame(matrix, sid, label)
        c1, c2 = st.columns(2)
        c1.markdown("**Regions where its goods are traded**")
        traded = lists[lists.relation == "traded"]
        c1.write(", ".join(traded.region_name) or "None recorded.")
        c2.markdown("**Discussed in meetings, no trade recorded**")
        gap = lists[lists.relation == "discussed_not_traded"]
        c2.write(", ".join(gap.region_name) or "None.")
        facts = sector_cards.national_facts(fb, sid)
        if len(facts):
            with st.expander(f"National facts ({len(facts)})"):
                st.dataframe(
                    facts,
                    hide_index=True,
                    width="stretch",
                    column_config={"source_url": st.column_config.LinkColumn("source")},
                )
        widgets.download_buttons(lists, f"sector-{sid}-regions", state, fb, f"sector_{sid}")
