"""Regions: map, sortable region table, federal-district roll-up and a region profile."""

import streamlit as st

from analysis.data import records
from analysis.models import trade
from analysis.output.formatting import fmt_count, fmt_musd
from analysis.views import profile
from dashboard import cached, charts, widgets

fb, state = widgets.page_setup()
st.title("Regions")
st.caption(
    f"Statistics side: {widgets.SIDE_LABELS[state.side_choice]}. Years {state.years[0]}–{state.years[1]}."
)

table = cached.region_table(state.side_choice, state.years)
shown = table[table.iso_code.isin(state.regions)] if state.regions else table

TAB_LABELS = ["Region profile", "Meetings and goods", "Map", "Region table", "Federal districts"]
tab_profile, tab_links, tab_map, tab_table, tab_districts = widgets.view_tabs(TAB_LABELS, "regions_view")


def profile_region() -> tuple[str, str, dict]:
    """The region whose profile is shown (a filtered region first, else Kalmykia), its name and data."""
    options = list(state.regions) or widgets.ru_region_ids(fb)
    default = options.index(profile.DEFAULT_REGION) if profile.DEFAULT_REGION in options else 0
    iso = st.selectbox(
        "Region profile", options, index=default, format_func=widgets.region_label(fb), key="profile_region"
    )
    name = fb.regions.set_index("iso_code").at[iso, "name_en"]
    st.header(f"Profile: {name}")
    return iso, name, cached.region_profile(state.side_choice, iso, state.years, state.sectors)


if tab_map.open:
    with tab_map:
        st.subheader("Map: latest turnover by region")
        colour_by = st.radio("Colour bubbles by", ["growth", "balance"], horizontal=True, key="map_colour")
        points = profile.map_rows(table, state.regions)
        if points.empty:
            widgets.empty_state(
                "No region in this selection has a full-year turnover figure in range.",
                "Widen Years or pick other regions.",
            )
        else:
            outlines = cached.boundary_outlines()
            widgets.show_chart(charts.bubble_map(points, colour_by, outlines), "region_map")
            if outlines is None:
                st.caption(
                    "Region boundaries are optional: set BYRU_BOUNDARIES to a geoBoundaries RUS ADM1 GeoJSON to draw them."
                )
            widgets.download_buttons(points, "region-map", state, fb, "map")


if tab_table.open:
    with tab_table:
        st.subheader("Region table")
        st.caption(
            "Click a column header to sort. Values in million USD; per-capita in USD; per-GRP in % of GRP."
        )
        widgets.table(shown, "region-table", state, fb, "region_table")


if tab_districts.open:
    with tab_districts:
        st.subheader("Federal districts")
        roll = trade.district_rollup(shown)
        widgets.show_chart(charts.district_bars(roll), "district_chart")
        widgets.download_buttons(roll, "federal-districts", state, fb, "districts")


if tab_profile.open:
    with tab_profile:
        iso, name, prof = profile_region()
        summary = cached.region_summary(state.side_choice, iso)
        st.markdown(summary.text)
        widgets.sources_list(summary.sources, "region_summary", "Sources of this summary")

        series = prof["series"]
        st.subheader("Figures over time")
        if series.empty:
            widgets.empty_state(
                f"No full-year figures for {name} in {state.years[0]}–{state.years[1]} on this side.",
                "Try 'Best available' under Statistics side, or widen Years.",
            )
        else:
            if series.year.nunique() < 3:
                st.info(
                    f"Only {fmt_count(series.year.nunique(), 'year')} on record for {name}: what is known is shown; no trend is implied."
                )
            widgets.show_chart(charts.flow_bars(series), "profile_series")
            widgets.download_buttons(series, f"{iso}-figures", state, fb, "profile_series")
        partial = prof["partial"]
        if len(partial):
            box = widgets.lazy_expander("Partial-year and other reported figures", "more_partial")
            if box.open:
                with box:
                    st.caption(
                        f"{fmt_count(len(partial), 'figure')} for part of a year (e.g. January–November), "
                        "kept out of the annual series above."
                    )
                    widgets.table(partial, f"{iso}-partial-figures", state, fb, "partial")

        st.subheader("Targets vs the latest actual")
        tp = prof["targets"]
        if tp.empty:
            widgets.empty_state(
                f"No numeric trade target recorded for {name}.",
                "See the Opportunities page for all targets.",
            )
        else:
            for r in tp.itertuples(index=False):
                st.markdown(
                    f"- Target {fmt_musd(r.target_musd)} (set {r.set_on}) — latest {fmt_musd(r.latest_actual_musd)} → **{r.status}**"
                )
            widgets.download_buttons(tp, f"{iso}-targets", state, fb, "targets")

if tab_links.open:
    with tab_links:
        iso, name, prof = profile_region()
        c1, c2 = st.columns(2)
        with c1:
            st.subheader("Meetings")
            tl = prof["meetings"]
            if tl.empty:
                widgets.empty_state(f"No meetings with {name} recorded in range.", "Widen Years.")
            else:
                widgets.table(tl, f"{iso}-meetings", state, fb, "meetings")
        with c2:
            st.subheader("Sectors discussed")
            sd = prof["sectors"]
            if sd.empty:
                widgets.empty_state("No sectors recorded as discussed in range.", "Widen Years.")
            else:
                widgets.show_chart(
                    charts.count_bars(sd, "sector_name", "n_meetings", "meetings"), "profile_sectors"
                )
                widgets.download_buttons(sd, f"{iso}-sectors-discussed", state, fb, "sectors_discussed")

        st.subheader("Goods traded")
        goods = prof["goods"]
        if goods.empty:
            widgets.empty_state(
                f"No goods recorded as traded with {name}"
                + (" in the chosen sectors." if state.sectors else "."),
                "Clear the Sector filter, or check the meetings for what was proposed.",
            )
        else:
            widgets.table(goods, f"{iso}-goods", state, fb, "goods")

        st.subheader("Open follow-up items")  # issue 15: proposals from saved meetings, with their status
        items = records.open_followups(cached.store(), iso)
        if items.empty:
            widgets.empty_state(
                f"No open follow-up items for {name}.", "Proposals kept in a saved meeting appear here."
            )
        else:
            cols = [
                "status",
                "kind",
                "text",
                "last_mentioned",
                "meeting_id",
                "source_url",
                "origin",
                "added_by",
            ]
            widgets.table(items[cols], f"{iso}-follow-ups", state, fb, "followups")
