"""The guides: Markdown files in `guides/`, rendered once to HTML with highlighted code.

A guide's first line is its `# Title`. Guides write the server's address as
`https://planroom.example`; the page shows this server's public URL instead, so every `curl`
line can be pasted as it is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

GUIDES_DIR = Path(__file__).parent / "guides"
PLACEHOLDER_URL = "https://planroom.example"
# the reading order of the guides' navigation
ORDER = ("getting-started", "scans", "webhooks", "sandbox", "errors")
HEADING = re.compile(r"<h([23])>(.*?)</h\1>")


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    summary: str
    body_html: str


def _highlight(code: str, language: str, _attrs: str) -> str:
    try:
        lexer = get_lexer_by_name(language or "text")
    except ClassNotFound:
        return f"<pre><code>{html.escape(code)}</code></pre>"
    spans = pygments_highlight(code, lexer, HtmlFormatter(nowrap=True))
    return f'<pre class="code"><code class="language-{html.escape(language)}">{spans}</code></pre>'


def _slugify(text: str) -> str:
    plain = re.sub(r"<[^>]+>", "", html.unescape(text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _anchor(match: re.Match[str]) -> str:
    level, inner = match.group(1), match.group(2)
    slug = _slugify(inner)
    return f'<h{level} id="{slug}"><a class="anchor" href="#{slug}">{inner}</a></h{level}>'


def _render(markdown: str) -> str:
    parser = MarkdownIt("commonmark", {"highlight": _highlight}).enable("table")
    return HEADING.sub(_anchor, parser.render(markdown))


@cache
def _guides() -> dict[str, Guide]:
    found: dict[str, Guide] = {}
    for slug in ORDER:
        text = (GUIDES_DIR / f"{slug}.md").read_text(encoding="utf-8")
        title_line, _, rest = text.partition("\n")
        body = rest.lstrip("\n")
        summary = MarkdownIt("commonmark").renderInline(body.split("\n\n", 1)[0])
        found[slug] = Guide(slug, title_line.removeprefix("# ").strip(), summary, _render(body))
    return found


def guides() -> list[Guide]:
    return list(_guides().values())


def guide(slug: str) -> Guide | None:
    return _guides().get(slug)


def for_server(fragment: str, public_url: str) -> str:
    """`fragment` with the placeholder address replaced by this server's."""
    return fragment.replace(PLACEHOLDER_URL, public_url.rstrip("/"))


def markdown_source(slug: str) -> str:
    return (GUIDES_DIR / f"{slug}.md").read_text(encoding="utf-8")


@cache
def code_css() -> str:
    """The colours of highlighted code (Pygments' `friendly` style)."""
    return str(HtmlFormatter(style="friendly").get_style_defs(".code"))
