"""Regions: map, sortable region table, federal-district roll-up and a region profile."""

from datetime import date
from functools import partial

import streamlit as st

from analysis.brief.files import DOCX_MIME, PDF_MIME, brief_filename
from analysis.data import geo
from analysis.output.formatting import fmt_count, fmt_date, fmt_musd
from analysis.output.i18n import N_
from analysis.output.labels import note_text
from analysis.views import opportunity_views, peers, profile
from dashboard import cached, charts, widgets

fb, state = widgets.page_setup()
lang = widgets.ui_lang()
_ = widgets.tr().gettext
MEETINGS_SHOWN = 5  # the newest meetings as cards; older ones in an expander
st.title(_("Regions"))
st.caption(
    _(
        "Statistics side: {side}. Years {first}–{last}.",
        side=_(widgets.SIDE_LABELS[state.side_choice]),
        first=state.years[0],
        last=state.years[1],
    )
)

table = cached.region_table(state.side_choice, state.years)
shown = cached.region_rows(state.side_choice, state.years, state.regions)

TAB_LABELS = [
    N_("Region profile"),
    N_("Meetings and goods"),
    N_("Map"),
    N_("Region table"),
    N_("Federal districts"),
]
tab_profile, tab_links, tab_map, tab_table, tab_districts = widgets.view_tabs(TAB_LABELS, "regions_view")


def _profile_to_url() -> None:
    st.query_params["profile"] = st.session_state.profile


def profile_region() -> tuple[str, str, dict]:
    """The region whose profile is shown, its name and data.

    The choice lives in the URL (`profile=RU-TA`); without it: a filtered region, else the region met most
    recently.
    """
    options = list(state.regions) or widgets.ru_region_ids(fb)
    wanted = st.query_params.get("profile")
    if wanted in options:
        st.session_state.profile = wanted
    else:
        if wanted:
            widgets.url_value_dropped("profile", wanted, _("not among the regions shown"))
        if st.session_state.get("profile") not in options:
            latest = profile.default_region(fb)
            st.session_state.profile = latest if latest in options else options[0]
    iso = st.selectbox(
        _("Region profile"),
        options,
        format_func=widgets.region_search_label(fb),
        key="profile",
        on_change=_profile_to_url,
    )
    name = widgets.region_name(fb, iso, fb.regions.set_index("iso_code").at[iso, "name_en"])
    st.header(_("Profile: {region}", region=name))
    return iso, name, cached.region_profile(state.side_choice, iso, state.years, state.sectors, lang)


def _peers_to_url() -> None:
    st.query_params["peers"] = list(st.session_state.peers) or ""


def show_peers(iso: str, name: str) -> None:
    """The region's ranks (all regions, its district) and a chart beside 3–5 peers (URL `peers`)."""
    ranked = cached.ranked_measures(state.side_choice, state.years, iso)
    if ranked.empty:
        widgets.empty_state(
            _("{region} has no full-year turnover in range on this side, so it has no rank.", region=name),
            _("Try 'Best available' under Statistics side, or widen Years."),
        )
        return
    lines = [
        "- "
        + _(
            "{measure}: **#{rank}** of {of_all} regions with {side} figures, #{rank_district} of {of_district} "
            "in its federal district ({year})",
            measure=_(r.label),
            rank=r.rank_all,
            of_all=r.of_all,
            side=r.side,
            rank_district=r.rank_district,
            of_district=r.of_district,
            year=r.latest_year,
        )
        for r in cached.rows(ranked)
    ]
    st.markdown("\n".join(lines))
    choices = [i for i in widgets.ru_region_ids(fb) if i != iso]
    wanted = [p for p in st.query_params.get_all("peers") if p in choices]
    if wanted:
        st.session_state.peers = wanted[:5]
    elif st.session_state.get("peers_for") != iso:
        st.session_state.peers = peers.default_peers(table, iso)
    st.session_state.peers_for = iso
    st.multiselect(
        _("Compare with (default: the largest regions of the same federal district, same statistics side)"),
        choices,
        key="peers",
        max_selections=5,
        format_func=widgets.region_label(fb),
        on_change=_peers_to_url,
    )
    frame = cached.peer_frame(state.side_choice, state.years, iso, tuple(st.session_state.peers))
    widgets.show_chart(charts.peer_bars(frame, lang), "peer_chart")
    widgets.download_buttons(frame, f"{iso}-peers", state, fb, "peers", applies=("years", "side"))


def brief_action(iso: str, name: str) -> None:
    """'Meeting brief': the region's brief as Word and PDF, built only when a button is clicked, cached by inputs.

    Streamlit runs a deferred download's callable in a worker thread, so a build never holds up the server's
    event loop or other sessions' reruns.
    """
    st.subheader(_("Meeting brief"))
    st.caption(
        _(
            "A 2–4 page brief on {region} with these filters: key facts, trade per statistics side, meetings "
            "and targets, goods, opportunities, open proposals and talking points; every figure has a numbered "
            "source.",
            region=name,
        )
    )
    day = date.today().isoformat()
    build = partial(cached.meeting_brief_file, state.side_choice, iso, state.years, widgets.ui_lang(), day)
    row = st.container(horizontal=True)
    row.download_button(
        _("⬇ Meeting brief (Word)"),
        data=partial(build, "docx"),
        file_name=brief_filename(iso, name, day, "docx"),
        mime=DOCX_MIME,
        key="brief_docx",
        on_click="ignore",
    )
    row.download_button(
        _("⬇ Meeting brief (PDF)"),
        data=partial(build, "pdf"),
        file_name=brief_filename(iso, name, day, "pdf"),
        mime=PDF_MIME,
        key="brief_pdf",
        on_click="ignore",
    )


COLOUR_BY = {"growth": N_("growth"), "balance": N_("balance")}

if tab_map.open:
    with tab_map:
        st.subheader(_("Map: latest turnover by region"))
        colour_by = st.radio(
            _("Colour bubbles by"),
            ["growth", "balance"],
            format_func=lambda c: _(COLOUR_BY[c]),
            horizontal=True,
            key="map_colour",
        )
        points = cached.map_rows(state.side_choice, state.years)
        if points.empty:
            widgets.empty_state(
                _("No region in this selection has a full-year turnover figure in range."),
                _("Widen Years or pick other regions."),
            )
        else:
            outlines = cached.boundary_outlines()
            widgets.show_chart(
                charts.bubble_map(points, colour_by, outlines, state.regions, lang), "region_map"
            )
            if outlines is not None:
                st.caption(_(geo.BOUNDARY_CREDIT))
            widgets.download_buttons(points, "region-map", state, fb, "map", applies=("years", "side"))


if tab_table.open:
    with tab_table:
        st.subheader(_("Region table"))
        st.caption(
            _(
                "Click a column header to sort. Values in million USD; per-capita in USD. Population (end of "
                "2022), GRP and GRP per capita (2021) are Rosstat's for every region, each with its year beside "
                "it; 'Turnover 2021, share of GRP 2021 (%)' compares Belarus turnover of 2021 with GRP of 2021 only. "
                "A dash (–) is an empty cell: no figure (never zero); the growth and balance notes say why."
            )
        )
        widgets.table(shown, "region-table", state, fb, "region_table", applies=("region", "years", "side"))


if tab_districts.open:
    with tab_districts:
        st.subheader(_("Federal districts"))
        roll = cached.district_rollup(state.side_choice, state.years, state.regions)
        widgets.show_chart(charts.district_bars(roll, lang), "district_chart")
        widgets.download_buttons(
            roll, "federal-districts", state, fb, "districts", applies=("region", "years", "side")
        )


if tab_profile.open:
    with tab_profile:
        iso, name, prof = profile_region()
        brief_action(iso, name)
        summary = cached.region_summary(state.side_choice, iso, state.years, widgets.ui_lang())
        st.markdown(summary.text)
        widgets.sources_list(summary.sources, "region_summary", N_("Sources of this summary"))

        st.subheader(_("Economy (official statistics)"))
        economy = cached.economy_facts(state.side_choice, state.years, iso)
        st.caption(
            _(
                "Rosstat, Russian Statistical Yearbook 2023. Trade per GRP uses Belarus turnover of 2021, the "
                "GRP's year. Belarus's share of the region's CIS trade is shown only when both figures are "
                "Russian statistics (choose side RU); an empty value means the figure is not on file, not zero."
            )
        )
        widgets.table(economy, f"{iso}-economy", state, fb, "economy", applies=("years", "side"))

        series = prof["series"]
        st.subheader(_("Figures over time"))
        if series.empty:
            widgets.empty_state(
                _(
                    "No full-year figures for {region} in {first}–{last} on this side.",
                    region=name,
                    first=state.years[0],
                    last=state.years[1],
                ),
                _("Try 'Best available' under Statistics side, or widen Years."),
            )
        else:
            if series.year.nunique() < 3:
                st.info(
                    _(
                        "Only {years} on record for {region}: what is known is shown; no trend is implied.",
                        years=fmt_count(series.year.nunique(), "year", lang=lang),
                        region=name,
                    )
                )
            widgets.show_chart(charts.flow_bars(series, lang), "profile_series")
            for r in cached.rows(series, unless_empty="differ_note"):
                st.caption(
                    ":material/compare_arrows: "
                    + _(
                        "{year} {flow} ({side}): **{note}**. Shown: {value} ({url}); other: {other} "
                        "({other_url}). Rule on Data & methods.",
                        year=r.year,
                        flow=_(charts.FLOW_LABELS.get(r.flow, r.flow)).lower(),
                        side=r.side,
                        note=note_text(r.differ_note, lang),
                        value=fmt_musd(r.value_musd, lang),
                        url=r.source_url,
                        other=fmt_musd(r.alt_value_musd, lang),
                        other_url=r.alt_source_url,
                    )
                )
            widgets.download_buttons(
                series, f"{iso}-figures", state, fb, "profile_series", applies=("years", "side")
            )
        no_usd = prof["no_usd"]
        if len(no_usd):
            st.markdown(_("**Full-year figures stated in roubles** (no USD value: no rate on file)"))
            st.caption(_("Kept out of the USD series and every sum, ratio and change; shown as stated."))
            widgets.table(no_usd, f"{iso}-figures-in-roubles", state, fb, "no_usd", applies=())
        partial = prof["partial"]
        if len(partial):
            box = widgets.lazy_expander(_("Partial-year and other reported figures"), "more_partial")
            if box.open:
                with box:
                    st.caption(
                        _(
                            "{figures} for part of a year (e.g. January–November), kept out of the annual series "
                            "above.",
                            figures=fmt_count(len(partial), "figure", lang=lang),
                        )
                    )
                    widgets.table(partial, f"{iso}-partial-figures", state, fb, "partial", applies=())

        st.subheader(_("Among its peers"))
        show_peers(iso, name)

        st.subheader(_("Targets vs the latest actual"))
        tp = prof["targets"]
        if tp.empty:
            widgets.empty_state(
                _("No numeric trade target recorded for {region}.", region=name),
                _("See the Opportunities page for all targets."),
            )
        else:
            for r, target in zip(cached.rows(tp), charts.target_labels(tp, lang), strict=True):
                against = (
                    _(
                        ", progress against the high end ({target}) of the range",
                        target=fmt_musd(r.target_musd, lang),
                    )
                    if r.progress_against
                    else ""
                )
                st.markdown(
                    "- "
                    + _(
                        "Target {target} (set {date}) — latest {latest}{against} → **{status}**",
                        target=target,
                        date=fmt_date(r.set_on, lang),
                        latest=fmt_musd(r.latest_actual_musd, lang),
                        against=against,
                        status=opportunity_views.status_label(r.status, lang),
                    )
                )
            widgets.download_buttons(tp, f"{iso}-targets", state, fb, "targets", applies=("years", "side"))

if tab_links.open:
    with tab_links:
        iso, name, prof = profile_region()
        st.subheader(_("Meetings"))
        tl = prof["meetings"]
        if tl.empty:
            widgets.empty_state(
                _("No meetings with {region} recorded in range.", region=name), _("Widen Years.")
            )
        else:
            for r in cached.rows(tl)[:MEETINGS_SHOWN]:
                widgets.meeting_card(r, name)
            if len(tl) > MEETINGS_SHOWN:
                older = widgets.lazy_expander(_("Older meetings"), "more_meetings")
                if older.open:
                    with older:
                        for r in cached.rows(tl)[MEETINGS_SHOWN:]:
                            widgets.meeting_card(r, name)
            widgets.download_buttons(
                tl, f"{iso}-meetings", state, fb, "meetings", applies=("sector", "years")
            )

        st.subheader(_("Sectors discussed"))
        sd = prof["sectors"]
        if sd.empty:
            widgets.empty_state(_("No sectors recorded as discussed in range."), _("Widen Years."))
        else:
            widgets.show_chart(
                charts.count_bars(sd, "sector_name", "n_meetings", N_("meetings"), lang), "profile_sectors"
            )
            widgets.download_buttons(
                sd, f"{iso}-sectors-discussed", state, fb, "sectors_discussed", applies=("sector", "years")
            )

        st.subheader(_("Goods traded"))
        goods = prof["goods"]
        if goods.empty:
            widgets.empty_state(
                _("No goods recorded as traded with {region} in the chosen sectors.", region=name)
                if state.sectors
                else _("No goods recorded as traded with {region}.", region=name),
                _("Clear the Sector filter, or check the meetings for what was proposed."),
            )
        else:
            widgets.table(goods, f"{iso}-goods", state, fb, "goods", applies=("sector",))

        st.subheader(_("Open follow-up items"))  # issue 15: proposals from saved meetings, with their status
        items = cached.open_followups(iso)
        if items.empty:
            widgets.empty_state(
                _("No open follow-up items for {region}.", region=name),
                _("Proposals kept in a saved meeting appear here."),
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
            widgets.table(items[cols], f"{iso}-follow-ups", state, fb, "followups", applies=())
