"""Baseline for the dashboard benchmark: one radio and one plotly chart, nothing else."""

import plotly.graph_objects as go
import streamlit as st

side = st.radio("Statistics side", ["BY", "RU"], horizontal=True)
y = [1, 3, 2, 4] if side == "BY" else [2, 1, 4, 3]
st.plotly_chart(go.Figure(go.Scatter(x=[2021, 2022, 2023, 2024], y=y)), key="chart")
