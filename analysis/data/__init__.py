"""Data access: the one way into the curated tables in `datasets/`.

Holds the table schema and its validation (every problem names the file, row and column), the
loader (`tables`), the Data & methods catalogue, reporting periods, units and money, the sector
taxonomy helpers, the shared filter state and its URL form, and region boundaries. It is the lowest
layer: it imports nothing from the rest of `analysis`.
"""
