"""Jinja2 templates for the few server-rendered pages."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

PAGES_DIR = Path(__file__).parent
templates = Jinja2Templates(directory=PAGES_DIR / "templates")
STATIC_DIR = PAGES_DIR / "static"
