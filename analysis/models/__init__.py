"""Models: the rules and estimates built on the curated facts.

The best annual figure per region, year and flow (`trade`), the PPML gravity model of regional
potential (`potential`, modelled), sector gaps per region (`opportunities`) and targets against
reported turnover (`targets`). May import from `analysis.data` only.
"""
