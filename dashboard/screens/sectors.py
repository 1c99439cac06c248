"""Sectors: one card per taxonomy sector with scope, national facts, regions and a summary."""

import html

import streamlit as st

from analysis.output.i18n import N_
from analysis.views import sector_cards
from dashboard import cached, charts, widgets

fb, state = widgets.page_setup()
lang = widgets.ui_lang()
_ = widgets.tr().gettext
st.title(_("Sectors"))
st.caption(
    _(
        "Engineering, pharmaceuticals, agriculture and construction come first: they lead Belarus's offers to "
        "the regions. 'Traded' means goods of the sector are named as traded with the region in a sourced report."
    )
)
page = cached.sector_page(state.years, state.regions, state.sectors, lang)
ov = page.overview


def _links(urls: list[str]) -> str:
    return " ".join(
        f'<a href="{html.escape(u, quote=True)}" target="_blank">[{i}]</a>' for i, u in enumerate(urls, 1)
    )


TAB_LABELS = [N_("Overview"), N_("Sector cards"), N_("Goods traded with Belarus (Rosstat)")]
tab_overview, tab_cards, tab_goods = widgets.view_tabs(TAB_LABELS, "sectors_view")

if tab_overview.open:
    with tab_overview:
        widgets.show_chart(charts.sector_overview_bars(ov, lang), "sector_overview_chart")
        widgets.download_buttons(
            ov, "sectors-overview", state, fb, "sectors_overview", applies=("sector", "region", "years")
        )
        box = widgets.lazy_expander(_("The same figures as a sortable table"), "more_sector_table")
        if box.open:
            with box:
                widgets.table(ov, "sectors-overview", state, fb, "sectors_overview_table", downloads=False)

if tab_goods.open:
    with tab_goods:
        st.subheader(_("Russia's trade with Belarus in main goods, 2020–2021"))
        direction = st.radio(
            _("Direction"),
            list(sector_cards.GOODS_DIRECTIONS),
            format_func=lambda d: _(sector_cards.GOODS_DIRECTIONS[d]),
            horizontal=True,
            key="goods_direction",
        )
        goods = sector_cards.national_goods_rows(fb, direction, state.sectors, lang)
        st.caption(_(sector_cards.GOODS_NOTE))
        if goods.empty:
            widgets.empty_state(
                _("The yearbook lists no goods of the chosen sectors."),
                _("Clear the Sector filter to see the lead sectors."),
            )
        else:
            widgets.show_chart(charts.goods_bars(goods, lang), "goods_chart")
            widgets.download_buttons(goods, f"rosstat-goods-{direction}", state, fb, "goods")
            st.caption(sector_cards.goods_source_line(goods, lang))

if tab_cards.open:
    with tab_cards:
        st.subheader(_("Sector cards"))
        st.caption(
            _("The regions and sector facts (for Russia, Belarus or one region) behind all cards below:")
        )
        c1, c2 = st.columns(2)
        with c1:
            widgets.download_buttons(
                page.region_lists,
                "sector-regions",
                state,
                fb,
                "sector_regions",
                applies=("sector", "region", "years"),
            )
        with c2:
            widgets.download_buttons(
                page.facts, "sector-facts", state, fb, "sector_facts", applies=("sector",)
            )

        for card in page.cards:
            with st.container(border=True):
                st.subheader(card.name)
                st.caption(card.caption)
                traded = html.escape(", ".join(card.traded)) or _("none recorded")
                gap = html.escape(", ".join(card.discussed_not_traded)) or _("none")
                sources = _("Sources: {links}", links=_links(card.sources) or "–")
                st.markdown(
                    f"{html.escape(card.summary, quote=False)}<br><small>{sources}</small><br>"
                    f"<b>{_('Regions where its goods are traded:')}</b> {traded}<br>"
                    f"<b>{_('Discussed in meetings, no trade recorded:')}</b> {gap}",
                    unsafe_allow_html=True,
                )
