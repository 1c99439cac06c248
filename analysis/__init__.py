"""Belarus ⇄ Russian regions trade analytics: plain Python behind the dashboard (never imports streamlit).

Subpackages, lowest layer first; a module may import only from its own layer or the layers listed
before it (checked by `tests/test_layout.py`):

- `data`: the curated tables, their schema and validation, catalogue, periods, units, filters, geo.
- `output`: downloads (CSV/Excel) and number formatting; uses `data` only.
- `analyzer`: the meeting analyzer (report text in, structured record out); uses `data` only.
- `models`: best annual figures, gravity potential, sector opportunities, targets; uses `data`.
- `views`: the frames and summaries each page shows; uses `models`, `output` and `data`.

`cli` (run as `python -m analysis <command>`) sits on top and may use all of them.
"""
