"""The meeting analyzer: a meeting report (English or Russian) in, a structured, evidenced record out.

Text from uploaded documents (`documents`), sentences (`sentences`), numbers and money
(`numbers`), dates and reporting periods (`dates`), trade figures and targets (`figures`),
proposals (`proposals`), participants and place (`meeting`), region names (`region_names`, on the
fast phrase finder `textmatch`), the analyzer that ties them into one record (`record`) and the
record's views (`views`). May import from `analysis.data` only.
"""
