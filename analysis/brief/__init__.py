"""Brief: the meeting brief on one Russian region, as one document model rendered to .docx and .pdf.

`build.py` gathers every figure from the analysis functions and gives each a source mark; `model.py` holds
the document model; `texts.py` the sentence templates (translatable); `chart.py`, `docx_render.py` and
`pdf_render.py` draw it. May import from `analysis.views`, `analysis.models`, `analysis.output` and
`analysis.data`.
"""
