"""Overview: national trade over time, latest-year KPIs, top regions, the meeting agenda."""

import streamlit as st

from analysis.output.formatting import fmt_musd, fmt_pct
from analysis.output.i18n import N_
from analysis.views import overview
from dashboard import cached, charts, widgets

fb, state = widgets.page_setup()
lang = widgets.ui_lang()
_ = widgets.tr().gettext
st.title(_("Belarus ⇄ Russian regions: trade overview"))
st.caption(
    _(
        "Reported figures from official statements and statistics, each with its source. "
        "Belarusian and Russian statistics differ; they are shown side by side, never merged."
    )
)

# The slot exists on every run, so choosing a region does not shift (and so remount) the elements below.
focus_slot = st.container()
if len(state.regions) == 1:
    focus = cached.region_focus(state.side_choice, state.regions[0], state.years, widgets.ui_lang())
    with focus_slot.container(border=True):
        name = widgets.region_name(fb, state.regions[0], focus["name"])
        st.subheader(_("Region in focus: {region}", region=name))
        st.markdown(focus["summary"])
        st.page_link("screens/regions.py", label=_("Open the full region profile →"), icon=":material/map:")


SIDE_RANKINGS = {
    "BY": widgets.SIDE_LABELS["BY"],
    "RU": widgets.SIDE_LABELS["RU"],
    "unknown": N_("Statistics side not stated"),
}
TAB_LABELS = [N_("Trade over time"), N_("Top regions"), N_("Meeting agenda")]
tab_trade, tab_top, tab_agenda = widgets.view_tabs(TAB_LABELS, "overview_view")

if tab_trade.open:
    with tab_trade:
        st.subheader(_("Belarus–Russia trade in goods by year"))
        nat = cached.national(state.years)
        if nat.empty:
            widgets.empty_state(
                _("No national figures for {first}–{last}.", first=state.years[0], last=state.years[1]),
                _("Widen the Years filter."),
            )
        else:
            kpi_side = state.side or "BY"
            kpis = cached.kpis(state.years, kpi_side)
            years = sorted(set(kpis.year))
            side_label = _(widgets.SIDE_LABELS[kpi_side])
            if len(years) == 1:
                st.caption(
                    _(
                        "**{year}**, {side_label} ({side}): each card is its flow's latest full-year figure on "
                        "this side. The arrow is the change from the same flow's previous full year on this side.",
                        year=years[0],
                        side_label=side_label,
                        side=kpi_side,
                    )
                )
            elif years:
                st.caption(
                    _(
                        ":material/warning: The cards are from different years ({years}): each is its flow's "
                        "latest full-year figure in {side_label} ({side}). The arrow is the change from the "
                        "same flow's previous full year on this side.",
                        years=", ".join(str(y) for y in years),
                        side_label=side_label,
                        side=kpi_side,
                    )
                )
            cols = st.columns(4)
            labels = charts.FLOW_LABELS  # the same names as the chart legend
            for col, flow in zip(cols, labels, strict=True):
                row = kpis[kpis.flow == flow]
                if row.empty:
                    col.metric(
                        f"{_(labels[flow])} · {kpi_side}", "–", help=_("No figure on this side in range")
                    )
                    continue
                r = row.iloc[0]
                why = " " + _("Change: {note}.", note=r.change_note) if r.change_note else ""
                col.metric(
                    f"{_(labels[flow])} {r.year} · {kpi_side}",
                    fmt_musd(r.value_musd, lang=lang),
                    fmt_pct(r.change_pct, lang=lang) if r.change_pct == r.change_pct else None,
                    help=_("Source: {url}.", url=r.source_url) + why,
                )
            widgets.show_chart(charts.national_lines(nat, lang), "national_chart")
            widgets.download_buttons(nat, "national-trade", state, fb, "national", applies=("years",))
            widgets.sources_list(nat.source_url, "national")

if tab_top.open:
    with tab_top:
        st.subheader(_("Top regions by latest turnover"))
        top = cached.top_regions(state.side_choice, state.years, state.regions)
        if top.empty:
            widgets.empty_state(
                _("No region has a full-year turnover figure for these filters."),
                _("Widen Years or clear Region."),
            )
        else:
            st.caption(
                _(
                    "Each statistics side is ranked on its own: Belarusian and Russian figures differ and are "
                    "never ranked together, so a region may appear in more than one list."
                )
            )
            for side in SIDE_RANKINGS:  # module constants: the chart memo sees the same arguments each run
                if (top.side == side).any():
                    st.markdown(f"**{_(SIDE_RANKINGS[side])}**")
                    widgets.show_chart(charts.top_regions_bars(top, side, lang), f"top_regions_chart_{side}")
            widgets.download_buttons(
                top, "top-regions", state, fb, "top_regions", applies=("region", "years", "side")
            )
            widgets.sources_list(top.source_url, "top_regions")

if tab_agenda.open:
    with tab_agenda:
        st.subheader(_("What the meetings cover"))
        agenda = cached.agenda(state.years, state.regions, state.sectors)
        if agenda.empty:
            widgets.empty_state(
                _("No meetings recorded for these filters."), _("Widen Years or clear Region and Sector.")
            )
        else:
            fig = charts.count_bars(
                agenda, "sector_name", "n_meetings", N_("meetings that discussed the sector"), lang
            )
            widgets.show_chart(fig, "agenda_chart")
            widgets.download_buttons(
                agenda, "meeting-agenda", state, fb, "agenda", applies=("sector", "region", "years")
            )
        latest = overview.latest_meeting(fb, state.years, state.regions, widgets.ui_lang())
        if latest is not None:
            st.subheader(_("Latest meeting in this selection"))
            st.markdown(latest["summary"])
            widgets.sources_list([latest["source_url"]], "latest_meeting")
