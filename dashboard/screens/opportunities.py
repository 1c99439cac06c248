"""Opportunities: modelled potential by region, the region × sector gap matrix, and target progress."""

import streamlit as st

from analysis.models import opportunities
from analysis.output.i18n import N_
from analysis.views import opportunity_views
from dashboard import cached, charts, widgets

fb, state = widgets.page_setup()
lang = widgets.ui_lang()
_ = widgets.tr().gettext
st.title(_("Opportunities"))

TAB_LABELS = [
    N_("Regional potential (modelled)"),
    N_("Potential map (modelled)"),
    N_("Sector gaps"),
    N_("Targets"),
]
tab_potential, tab_map, tab_gaps, tab_targets = widgets.view_tabs(TAB_LABELS, "opportunities_view")

if tab_map.open:
    with tab_map:
        st.subheader(_("Untapped potential on the map"))
        widgets.modelled_badge()
        pts = opportunity_views.potential_map_rows(
            cached.potential_ranking(state.side_choice, state.years, state.regions)
        )
        if pts.empty:
            widgets.empty_state(
                _("The model has no regions to map for these filters."), _("Widen Years or clear Region.")
            )
        else:
            widgets.show_chart(charts.bubble_map(pts, "balance", None, (), lang), "potential_map")
            st.caption(
                _(
                    "Bubble area ∝ modelled potential; colour = untapped potential (modelled − reported), "
                    "million USD. In the download, `turnover_musd` is the modelled potential and `balance_musd` "
                    "the untapped potential."
                )
            )
            widgets.download_buttons(
                pts, "modelled-potential-map", state, fb, "potential_map", applies=("region", "years", "side")
            )

if tab_potential.open:
    with tab_potential:
        st.header(_("1 · Regions trading below their modelled potential"))
        st.markdown(_(opportunity_views.METHOD_LINE))
        widgets.modelled_badge()
        g = cached.gravity(state.side_choice, state.years)
        ranking = cached.potential_ranking(state.side_choice, state.years, state.regions)
        if g.n < 8:
            widgets.empty_state(
                widgets.tr().ngettext(
                    "Only {n} region has a turnover figure for these filters; the model needs at least 8.",
                    "Only {n} regions have a turnover figure for these filters; the model needs at least 8.",
                    g.n,
                ),
                _("Widen Years or choose 'Best available' under Statistics side."),
            )
        else:
            st.markdown(opportunity_views.fit_summary(g, lang))
            widgets.show_chart(charts.potential_bars(ranking, 20, lang), "potential_chart")
            top = ranking.head(20)
            widgets.download_buttons(
                top, "modelled-potential-top20", state, fb, "potential", applies=("region", "years", "side")
            )
            box = widgets.lazy_expander(_("Method, coefficients and caveats"), "more_method")
            if box.open:
                with box:
                    st.markdown(_(opportunity_views.METHOD_NOTE))
                    widgets.table(
                        g.coefficients,
                        "gravity-coefficients",
                        state,
                        fb,
                        "coefficients",
                        applies=("years", "side"),
                    )
                    st.markdown(
                        _("**Specifications tried** (the chosen one has the lowest leave-one-out error)")
                    )
                    widgets.table(
                        g.candidates,
                        "gravity-specifications",
                        state,
                        fb,
                        "specifications",
                        applies=("years", "side"),
                    )

if tab_gaps.open:
    with tab_gaps:
        st.header(_("2 · Sector gaps: discussed in meetings, but is it traded?"))
        matrix = cached.sector_matrix(state.years)
        view = opportunity_views.matrix_view(matrix, state.regions, state.sectors)
        if view.empty:
            widgets.empty_state(
                _("No region × sector pairs for these filters."), _("Clear Region or Sector.")
            )
        elif not (view.discussed.any() or view.traded.any()):  # no evidence at all: nothing to compare
            widgets.empty_state(
                _("No meeting or traded good on record for these filters."), _("Widen Years.")
            )
        else:
            heat_rows = opportunity_views.heatmap_rows(view)
            heat = opportunity_views.heatmap_frame(
                heat_rows, widgets.region_label(fb), widgets.sector_label(fb)
            )
            widgets.show_chart(charts.gap_heatmap(heat, lang), "gap_heatmap")
            widgets.download_buttons(
                heat_rows, "sector-gaps", state, fb, "gaps", applies=("sector", "region", "years")
            )
            st.markdown(_("**Top opportunities** — select a row to see the evidence behind it."))
            top = opportunity_views.top_opportunities(view, 30, lang)
            picked = widgets.table(
                top,
                "top-opportunities",
                state,
                fb,
                "top_opportunities",
                applies=("sector", "region", "years"),
                on_select="rerun",
                selection_mode="single-row",
            )
            rows = picked.selection.rows if picked else []
            if rows:
                r = top.iloc[rows[0]]
                ev = opportunities.evidence(fb, r.region_iso, r.sector_id, state.years)
                st.markdown(
                    _(
                        "Evidence for **{region} × {sector}** ({status}, score {score})",
                        region=widgets.region_name(fb, r.region_iso, r.region_name),
                        sector=widgets.sector_label(fb)(r.sector_id),
                        status=opportunity_views.class_label(r.status, lang),
                        score=r.score,
                    )
                )
                widgets.table(
                    ev, f"evidence-{r.region_iso}-{r.sector_id}", state, fb, "evidence", applies=("years",)
                )
            box = widgets.lazy_expander(_("How the score is built"), "more_score")
            if box.open:
                with box:
                    st.markdown(_(opportunity_views.SCORE_NOTE))

if tab_targets.open:
    with tab_targets:
        st.header(_("3 · Targets set in meetings"))
        tp = cached.target_progress(state.side_choice, state.regions)
        if tp.empty:
            widgets.empty_state(
                _("No numeric targets recorded for these regions."), _("Clear the Region filter.")
            )
        else:
            widgets.show_chart(charts.target_bars(tp, lang), "targets_chart")
            st.caption(
                _(
                    "Green: achieved or on track. Vermillion: every other status (behind, missed, no deadline, "
                    "no figure since the target was set); hover a bar, or download the rows, for each status."
                )
            )
            widgets.download_buttons(tp, "target-progress", state, fb, "targets", applies=("region", "side"))
            box = widgets.lazy_expander(_("How progress is judged"), "more_progress")
            if box.open:
                with box:
                    st.markdown(_(opportunity_views.PROGRESS_NOTE))
