"""Views: the frames and generated summaries each dashboard page (and the brief) shows.

Overview, region profile, sector cards, opportunity views and text summaries with source marks.
May import from `analysis.models`, `analysis.output` and `analysis.data`.
"""
