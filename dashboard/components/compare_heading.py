"""Jämför's heading and its intro: with the page and from the comparison's callback alike."""

from __future__ import annotations

from dash import html


def compare_heading(title: str, intro: str) -> list:
    return [html.H1(title), html.P(intro, className="lead")]
