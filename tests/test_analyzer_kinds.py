"""Meeting analyzer, one table per kind of error in issue 14: short inputs in our own words, exact records.

Each figure row is (flow, period, value, unit, currency, qualifier, scope, kind, region_iso); each
target row is (flow, value, unit, currency, by_year, relative). Every case compares the whole list, so
a figure too many fails as surely as one too few.
"""

import io

import pytest

from analysis.analyzer.documents import read_document
from analysis.analyzer.record import analyze_text
from analysis.analyzer.sentences import split_sentences

FIELDS = ("flow", "period", "value", "unit", "currency", "qualifier", "scope", "kind", "region_iso")
TARGET_FIELDS = ("flow", "value", "unit", "currency", "by_year", "relative")


def rows(rec: dict) -> list[tuple]:
    return [tuple(f[k] for k in FIELDS) for f in rec["figures"]]


def target_rows(rec: dict) -> list[tuple]:
    return [tuple(t[k] for k in TARGET_FIELDS) for t in rec["targets"]]


def fig(flow, period, value, unit="million", currency="USD", qualifier="exact", scope="pair", kind="reported",
        region=None):  # fmt: skip
    return (flow, period, value, unit, currency, qualifier, scope, kind, region)


PERM, KLU, BA, TA, BRY, KDA = "RU-PER", "RU-KLU", "RU-BA", "RU-TA", "RU-BRY", "RU-KDA"

FIGURE_CASES = [
    # 1. follow-up sentences inherit flow and pair
    ("1-en-it", "2023-04-01",
     "Trade with Perm Krai reached $310 million in 2021. Last year it grew to $355 million.",
     [fig("turnover", "2021", 310.0, region=PERM), fig("turnover", "2022", 355.0, region=PERM)]),
    ("1-en-figure", None,
     "Trade between Belarus and Kaluga Oblast was $210 million in 2020. In 2021 the figure rose to $260 million.",
     [fig("turnover", "2020", 210.0, region=KLU), fig("turnover", "2021", 260.0, region=KLU)]),
    ("1-ru-on", "2024-02-10",
     "Товарооборот с Пермским краем в 2022 году составил 300 млн долларов. В прошлом году он превысил 340 млн долларов.",
     [fig("turnover", "2022", 300.0, region=PERM), fig("turnover", "2023", 340.0, qualifier="over", region=PERM)]),
    ("1-ru-obem", None,
     "Белорусский экспорт в Калужскую область за 2022 год вырос на 8%. Объём составил 95 млн долларов.",
     [fig("by_exports", "2022", None, None, None, region=KLU), fig("by_exports", "2022", 95.0, region=KLU)]),
    ("1-neg-no-subject", None,
     "Trade with Perm Krai reached $310 million in 2021. The new plant cost $40 million.",
     [fig("turnover", "2021", 310.0, region=PERM)]),
    # 2. bare flow words
    ("2-en-the-export", None, "Talks in Perm Krai. The export amounted to $40 million in 2023.",
     [fig("by_exports", "2023", 40.0, region=PERM)]),
    ("2-en-apostrophe", None, "Belarus' exports to the Kaluga region came to $72 million in 2022.",
     [fig("by_exports", "2022", 72.0, region=KLU)]),
    ("2-ru-postavki", None, "Поставки белорусской продукции в Башкирию в 2023 году составили 210 млн долларов.",
     [fig("by_exports", "2023", 210.0, region=BA)]),
    ("2-ru-import", None, "Импорт из Татарстана в 2023 году составил 150 млн долларов.",
     [fig("by_imports", "2023", 150.0, region=TA)]),
    # 3. each value takes its own nearest flow
    ("3-en-while", None,
     "In 2023 trade with Tatarstan came to almost $90 million, while Belarusian exports reached $61 million.",
     [fig("turnover", "2023", 90.0, qualifier="almost", region=TA), fig("by_exports", "2023", 61.0, region=TA)]),
    ("3-ru-pri-etom", None,
     "В 2023 году товарооборот с Татарстаном составил 400 млн долларов, при этом экспорт достиг 250 млн долларов.",
     [fig("turnover", "2023", 400.0, region=TA), fig("by_exports", "2023", 250.0, region=TA)]),
    # 4. the year attached to the value
    ("4-en-since", None, "Since 2019 the highest trade with Bashkortostan was in 2022, at 118.4 million dollars.",
     [fig("turnover", "2022", 118.4, region=BA)]),
    ("4-ru-protiv", None, "Товарооборот с Башкортостаном в 2023 году составил 500 млн долларов против 420 млн в 2021 году.",
     [fig("turnover", "2023", 500.0, region=BA), fig("turnover", "2021", 420.0, region=BA)]),
    # 5. period from context
    ("5-ru-last-year", "2025-03-01", "По итогам прошлого года товарооборот с Калужской областью составил 640 млн долларов.",
     [fig("turnover", "2024", 640.0, region=KLU)]),
    ("5-en-previous-sentence", None,
     "In January–September 2022, trade with Kaluga Oblast grew by 12%. Belarusian exports amounted to $310 million.",
     [fig("turnover", "2022-01..09", None, None, None, scope="pair", region=KLU),
      fig("by_exports", "2022-01..09", 310.0, region=KLU)]),
    # 6. part-year periods in every form
    ("6-ru-nine-months", None, "За девять месяцев 2024 года товарооборот с Татарстаном составил 520 млн долларов.",
     [fig("turnover", "2024-01..09", 520.0, region=TA)]),
    ("6-ru-five-months", "2024-07-01", "За пять месяцев товарооборот с Татарстаном достиг 280 млн долларов.",
     [fig("turnover", "2024-01..05", 280.0, region=TA)]),
    ("6-ru-quarter", "2023-05-05", "В первом квартале экспорт в Татарстан составил 60 млн долларов.",
     [fig("by_exports", "2023-Q1", 60.0, region=TA)]),
    ("6-ru-half", None, "В первом полугодии 2023 года товарооборот с Пермским краем составил 190 млн долларов.",
     [fig("turnover", "2023-H1", 190.0, region=PERM)]),
    ("6-en-9m", None, "In 9M 2024 trade with Perm Krai stood at $230 million.",
     [fig("turnover", "2024-01..09", 230.0, region=PERM)]),
    ("6-en-h1", None, "Trade with Perm Krai was $120 million in H1 2023.",
     [fig("turnover", "2023-H1", 120.0, region=PERM)]),
    ("6-en-through", None, "From January through May 2024 trade with Perm Krai came to $95 million.",
     [fig("turnover", "2024-01..05", 95.0, region=PERM)]),
    ("6-en-first-half", "2023-08-01", "In the first half trade with Perm Krai reached $101 million.",
     [fig("turnover", "2023-H1", 101.0, region=PERM)]),
    # 7. number words, whole
    ("7-ru-25", None, "В 2022 году торговля с Калмыкией составила двадцать пять миллионов долларов.",
     [fig("turnover", "2022", 25.0, region="RU-KL")]),
    ("7-ru-102", None, "Товарооборот с Калмыкией в 2021 году составил сто два миллиона долларов.",
     [fig("turnover", "2021", 102.0, region="RU-KL")]),
    ("7-ru-250", None, "Товарооборот с Калмыкией в 2020 году составил двести пятьдесят миллионов долларов.",
     [fig("turnover", "2020", 250.0, region="RU-KL")]),
    ("7-en-25", None, "Trade with Kalmykia reached twenty-five million dollars in 2022.",
     [fig("turnover", "2022", 25.0, region="RU-KL")]),
    ("7-en-250", None, "Trade with Kalmykia came to two hundred fifty million dollars in 2019.",
     [fig("turnover", "2019", 250.0, region="RU-KL")]),
    ("7-ru-half-billion", None, "В 2023 году товарооборот с Татарстаном составил полмиллиарда долларов.",
     [fig("turnover", "2023", 0.5, "billion", region=TA)]),
    ("7-en-half-billion", None, "Trade with Tatarstan reached half a billion dollars in 2023.",
     [fig("turnover", "2023", 0.5, "billion", region=TA)]),
    # 8. number formats
    ("8-ru-dots-comma", None, "Товарооборот с Татарстаном в 2023 году составил 1.844.036.360,12 долларов.",
     [fig("turnover", "2023", 1844.03636, region=TA)]),
    ("8-ru-space-decimal", None, "Товарооборот с Татарстаном в 2022 году составил 1 234,5 млн долларов.",
     [fig("turnover", "2022", 1234.5, region=TA)]),
    ("8-en-comma-thousands", None, "Trade with Tatarstan totalled 1,234.5 million dollars in 2022.",
     [fig("turnover", "2022", 1234.5, region=TA)]),
    ("8-en-bn", None, "Trade with Tatarstan was $1.2bn in 2021.", [fig("turnover", "2021", 1.2, "billion", region=TA)]),
    ("8-ru-mlrd-nbsp", None, "Товарооборот с Татарстаном в 2021\u00a0году составил 1,2\u00a0млрд долларов.",
     [fig("turnover", "2021", 1.2, "billion", region=TA)]),
    ("8-ru-glued", None, "Экспорт в Татарстан в 2020 году составил 5,3млн. долларов.",
     [fig("by_exports", "2020", 5.3, region=TA)]),
    # 9. forecasts are not actuals
    ("9-en-may-exceed", None, "Trade with Tatarstan may exceed $5 billion by the end of the year.",
     [fig("turnover", None, 5.0, "billion", qualifier="over", kind="forecast", region=TA)]),
    ("9-en-expected", None, "Trade with Tatarstan is expected to reach $700 million in 2025.",
     [fig("turnover", "2025", 700.0, kind="forecast", region=TA)]),
    ("9-ru-mozhet", None, "По итогам 2025 года товарооборот с Татарстаном может превысить 800 млн долларов.",
     [fig("turnover", "2025", 800.0, qualifier="over", kind="forecast", region=TA)]),
    # 10. figures about something else keep their own scope
    ("10-en-group", None,
     "The Far Eastern regions account for less than one percent of trade, or $300 million, Primorye said.",
     [fig("turnover", None, 300.0, scope="regions_group", region="RU-PRI")]),
    ("10-en-oblast", None, "In 2023 trade between Gomel Oblast and Bryansk Oblast rose to $35 million.",
     [fig("turnover", "2023", 35.0, scope="oblast_pair", region=BRY)]),
    ("10-ru-oblast", None, "Товарооборот Гомельской и Брянской областей в 2023 году составил 180 млн долларов.",
     [fig("turnover", "2023", 180.0, scope="oblast_pair", region=BRY)]),
    ("10-ru-national", None,
     "Губернатор Брянской области напомнил, что товарооборот Беларуси и России в 2023 году превысил 50 млрд долларов.",
     [fig("turnover", "2023", 50.0, "billion", qualifier="over", scope="national", region=BRY)]),
    ("10-en-hyphen-national", None,
     "Belarus-Russia trade came to $48 billion in 2023, and trade with Tatarstan to $1.4 billion.",
     [fig("turnover", "2023", 48.0, "billion", scope="national", region=TA),
      fig("turnover", "2023", 1.4, "billion", region=TA)]),
    # 11. qualifiers
    ("11-ru-v-rayone", None, "Товарооборот с Брянской областью в 2023 году был в районе 900 млн долларов.",
     [fig("turnover", "2023", 900.0, qualifier="about", region=BRY)]),
    ("11-ru-nemnogim", None, "Товарооборот с Брянской областью в 2022 году составил немногим более 850 млн долларов.",
     [fig("turnover", "2022", 850.0, qualifier="over", region=BRY)]),
    ("11-en-some", None, "Trade with Bryansk Oblast was some $870 million in 2021.",
     [fig("turnover", "2021", 870.0, qualifier="about", region=BRY)]),
    ("11-en-parentheses", None,
     "Trade with Bryansk Oblast in 2023 was more modest than before ($360 million in 2018).",
     [fig("turnover", "2018", 360.0, region=BRY)]),
    ("11-en-nearly", None, "Trade with Bryansk Oblast reached nearly $1 billion in 2022.",
     [fig("turnover", "2022", 1.0, "billion", qualifier="almost", region=BRY)]),
    # 14. direction in Russian, currency shared in the sentence
    ("14-ru-both", "2024-06-01",
     "В 2023 году экспорт белорусских товаров в республику достиг 620 млн долларов, импорт из региона — 480 млн.",
     [fig("by_exports", "2023", 620.0, region=None), fig("by_imports", "2023", 480.0, region=None)]),
    # 17. two regions in one report
    ("17-en-two-regions", None,
     "The Governor of Tatarstan met the Belarusian delegation. Trade with Tatarstan reached $740 million in 2024, "
     "and with Bashkortostan, $500 million.",
     [fig("turnover", "2024", 740.0, region=TA), fig("turnover", "2024", 500.0, region=BA)]),
    ("3-en-sold", None, "In 2025 Belarus sold $260 million worth of goods to Perm Krai.",
     [fig("by_exports", "2025", 260.0, region=PERM)]),
    ("4-en-attached-the", None,
     "Trade with Perm Krai exceeded $160 million in 2021 and $100 million in the first half of 2022.",
     [fig("turnover", "2021", 160.0, qualifier="over", region=PERM),
      fig("turnover", "2022-H1", 100.0, qualifier="over", region=PERM)]),
    ("2-ru-month", None, "За январь 2025 года объём торговли с Пермским краем достиг 85 млн долларов.",
     [fig("turnover", "2025-01..01", 85.0, region=PERM)]),
    # negatives: no figure
    ("neg-en-tax", None, "The Perm plant paid $4 million in taxes and invested $20 million in a new line.", []),
    ("neg-ru-invest", None, "Инвестиции в Пермский край в 2023 году составили 2 млрд рублей.", []),
    ("neg-en-tonnes", None, "The port in Primorye handled 20 million tonnes of cargo in 2023.", []),
    ("neg-ru-people", None, "В Татарстане живут почти четыре миллиона человек.", []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "date", "text", "want"), FIGURE_CASES, ids=[c[0] for c in FIGURE_CASES])
def test_figures_by_kind(case, date, text, want):
    rec = analyze_text(text, date)
    got = [tuple(round(x, 6) if isinstance(x, float) else x for x in r) for r in rows(rec)]
    assert got == want, rec["figures"]


TARGET_CASES = [
    ("9-ru-planned", "Планируется довести товарооборот с Татарстаном до 1 млрд долларов к 2027 году.",
     [("turnover", 1.0, "billion", "USD", 2027, None)]),
    ("12-en-cherished", "Trade with Tatarstan should finally reach the cherished billion by 2030.",
     [("turnover", 1.0, "billion", "USD", 2030, None)]),
    ("12-ru-zavetny", "Стороны рассчитывают выйти на заветный миллиард в товарообороте с Татарстаном.",
     [("turnover", 1.0, "billion", "USD", None, None)]),
    ("12-ru-vyiti", "Задача — выйти на миллиард долларов товарооборота с Татарстаном к 2028 году.",
     [("turnover", 1.0, "billion", "USD", 2028, None)]),
    ("12-en-double", "The governor of Tatarstan proposed to double the trade within three years.",
     [("turnover", None, None, None, None, 2.0)]),
    ("12-ru-udvoit", "Стороны договорились удвоить товарооборот с Татарстаном к 2030 году.",
     [("turnover", None, None, None, 2030, 2.0)]),
    ("neg-no-target", "The billion-dollar question for Tatarstan is logistics, the governor said.", []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "want"), TARGET_CASES, ids=[c[0] for c in TARGET_CASES])
def test_targets_by_kind(case, text, want):
    rec = analyze_text(text)
    assert target_rows(rec) == want, rec["targets"]
    assert [f for f in rec["figures"] if f["kind"] == "reported" and f["value"] is not None] == []


SECTOR_CASES = [
    ("13-ru-flax", "Калужская область закупает технику для льноводства.", {"agri_machinery"}, set()),
    ("13-ru-municipal", "Главы муниципальных образований Калужской области приехали в Минск.", set(), {"education"}),
    ("13-en-travel", "I will travel to Kaluga Region next week to meet the governor.", set(), {"tourism"}),
    ("13-en-travel-long-line", "after a long week of talks with many people " * 12 + "I will travel to Kaluga Region.",
     set(), {"tourism"}),
    ("13-en-tourism-kept", "Kaluga Region wants more tourists from Belarus and travel packages.", {"tourism"}, set()),
    ("13-ru-education-kept", "Обсуждали обучение студентов и образование в вузах.", {"education"}, set()),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "has", "lacks"), SECTOR_CASES, ids=[c[0] for c in SECTOR_CASES])
def test_sectors_by_kind(case, text, has, lacks):
    ids = {s["id"] for s in analyze_text(text)["sectors"]}
    assert has <= ids and not (lacks & ids), ids


PRODUCT_CASES = [
    ("15-en-maker", "A delegation from Minsk Tractor Works and Belarusian Steel Works visited Kaluga.", []),
    ("15-ru-maker", "Представители МАЗ и БелАЗ посетили Калужскую область.", []),
    ("15-en-goods", "Kaluga bought 400 tractors from Minsk Tractor Works.", ["tractors"]),
    ("15-en-parts", "Belarus supplies truck components, axles and cabs, and buys synthetic rubber.",
     ["truck components", "axles", "cabs", "synthetic rubber"]),
    ("15-ru-rubber", "Из Татарстана в Беларусь поставляется синтетический каучук.", ["синтетический каучук"]),
    # agri-food goods of the steppe regions: sheep meat and wool
    ("15-en-lamb-wool", "Kalmykia offers lamb, mutton and raw wool to Belarusian buyers.", ["lamb", "mutton", "wool"]),
    ("15-ru-lamb-wool", "Калмыкия готова отправлять в Беларусь баранину и овечью шерсть.", ["баранину", "шерсть"]),
    ("15-neg-wool-word", "The talks in Elista went smoothly.", []),
]  # fmt: skip


def test_15_lamb_and_wool_are_agri_food():
    rec = analyze_text("Калмыкия поставляет шерсть и баранину, а Беларусь продаёт тракторы.")
    assert {p["text"]: (p["hs"], p["sector"]) for p in rec["products"] if p["sector"] == "agri_food"} == {
        "шерсть": ("51", "agri_food"), "баранину": ("0204", "agri_food")}  # fmt: skip


@pytest.mark.parametrize(("case", "text", "want"), PRODUCT_CASES, ids=[c[0] for c in PRODUCT_CASES])
def test_products_by_kind(case, text, want):
    assert [p["text"] for p in analyze_text(text)["products"]] == want


def test_16_one_sentence_one_proposal():
    rec = analyze_text("The Kaluga side proposed to set up a joint venture and to show it at a trade fair.")
    assert [(p["kind"], p["also"]) for p in rec["proposals"]] == [("joint_venture", ["other"])]
    rec = analyze_text("Белорусская сторона предложила открыть склад и сервисный центр в Калуге.")
    assert [p["kind"] for p in rec["proposals"]] == ["warehouse"]
    assert analyze_text("The weather in Kaluga was fine.")["proposals"] == []


META_CASES = [
    ("18-en", "Minsk, 3 March 2024. Belarusian Prime Minister Ivan Petrov met Governor of Kaluga Oblast Oleg Sidorov.",
     "Minsk", [("Ivan Petrov", "Belarusian Prime Minister", "BY"), ("Oleg Sidorov", "Governor of Kaluga Oblast", "RU")]),
    ("18-ru", "Уфа, 7 февраля 2025 года. Премьер-министр Беларуси Иван Петров провёл переговоры с Главой "
     "Республики Башкортостан Олегом Сидоровым.",
     "Уфа", [("Иван Петров", "Премьер-министр Беларуси", "BY"),
             ("Олегом Сидоровым", "Главой Республики Башкортостан", "RU")]),
    ("18-none", "Trade with Kaluga grew.", None, []),
    # the place of the meeting, not any city the report names
    ("18-en-arrived-in", "Deputy Prime Minister Pavel Orlov arrived in Kazan for talks with the Head of Tatarstan "
     "Marat Ziyatdinov. Buses from Minsk were discussed.",
     "Kazan", [("Pavel Orlov", "Deputy Prime Minister", None), ("Marat Ziyatdinov", "Head of Tatarstan", "RU")]),
    ("18-en-with-the-head", "Belarusian Prime Minister Ivan Petrov held talks with the Head of Bashkortostan "
     "Ilnur Gareev in Ufa.",
     "Ufa", [("Ivan Petrov", "Belarusian Prime Minister", "BY"), ("Ilnur Gareev", "Head of Bashkortostan", "RU")]),
    ("18-en-governor-met", "Governor of Kaluga Region Sergey Volkov met the Belarusian Prime Minister Ivan Petrov in "
     "Minsk on Monday.",
     "Minsk", [("Sergey Volkov", "Governor of Kaluga Region", "RU"), ("Ivan Petrov", "Belarusian Prime Minister", "BY")]),
    ("18-en-place-first", "In Kazan, the two delegations held talks on trucks. Gomel and Vitebsk were also named.",
     "Kazan", []),
    ("18-en-made-in-not-place", "At the meeting the sides looked at tractors made in Minsk and Gomel.", None, []),
    ("18-ru-v-eliste", "Делегация Гомельской области во главе с губернатором Петром Ивановым побывала в Элисте и "
     "встретилась с главой Калмыкии Андреем Сергеевым.",
     "Элисте", [("Петром Ивановым", "губернатором", "BY"), ("Андреем Сергеевым", "главой Калмыкии", "RU")]),
    ("18-ru-v-minske-first", "В Минске состоялась встреча Премьер-министра Беларуси Ивана Петрова с главой "
     "Республики Калмыкия Андреем Сергеевым.",
     "Минске", [("Ивана Петрова", "Премьер-министра Беларуси", "BY"),
                ("Андреем Сергеевым", "главой Республики Калмыкия", "RU")]),
    ("18-ru-governor-office-words", "Губернатор Калужской области Сергей Волков встретился в Минске с "
     "Премьер-министром Беларуси Иваном Петровым.",
     "Минске", [("Сергей Волков", "Губернатор Калужской области", "RU"),
                ("Иваном Петровым", "Премьер-министром Беларуси", "BY")]),
    ("18-ru-city-not-place", "Стороны обсудили поставки автобусов из Минска и Гомеля.", None, []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "place", "people"), META_CASES, ids=[c[0] for c in META_CASES])
def test_meeting_metadata(case, text, place, people):
    rec = analyze_text(text)
    assert rec["place"] == place
    assert [(p["name"], p["position"], p["side"]) for p in rec["participants"]] == people


def test_19_wrapped_lines_are_one_sentence():
    text = (
        "Trade between Belarus and Kaluga Oblast in 2023 reached a level that both sides\n"
        "found encouraging, at $480 million.\n\nA second paragraph starts here."
    )
    assert [s.text.startswith("Trade") for s in split_sentences(text)] == [True, False]
    assert rows(analyze_text(text)) == [fig("turnover", "2023", 480.0, region=KLU)]


def test_19_docx_tables_read_headers_not():
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "CONFIDENTIAL header $999 million"
    doc.add_paragraph("Talks with Kaluga Oblast.")
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Trade with Kaluga Oblast in 2023"
    table.rows[0].cells[1].text = "$480 million"
    buf = io.BytesIO()
    doc.save(buf)
    text = read_document("r.docx", buf.getvalue())
    assert "$480 million" in text and "CONFIDENTIAL" not in text
    assert [f["value"] for f in analyze_text(text)["figures"]] == [480.0]
