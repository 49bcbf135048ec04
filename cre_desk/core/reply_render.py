"""A reply as the customer receives it: plain text, Markdown or an HTML fragment, in English or Japanese.

Separate from drafting (``core.replies``) because this is where the reply meets the customer's mail client:
greeting, headings and closing are shipped wording (``resources/texts/reply_wording.json``), and every piece
of text is escaped for Markdown and HTML (customer text is untrusted).
"""

from __future__ import annotations

import html
import re

from cre_desk.core import shipped_texts
from cre_desk.core.replies import Reply


def _heading(part: str, language: str) -> str:
    return shipped_texts.text("reply_wording", f"heading_{part}", language)


def _greeting(language: str, name: str) -> list[str]:
    name = " ".join(name.split())
    if name:
        return shipped_texts.text("reply_wording", "greeting_named", language, name=name).split("\n")
    return shipped_texts.text("reply_wording", "greeting_anonymous", language).split("\n")


def _closing(language: str) -> str:
    return shipped_texts.text("reply_wording", "closing", language)


def _sections(reply: Reply) -> list[tuple[str, str]]:
    return [(part, getattr(reply, part).strip()) for part in ("summary", "cause", "fix")
            if getattr(reply, part).strip()]


def render_plain(reply: Reply, language: str, greeting_name: str = "", signature: str = "") -> str:
    """The full text the customer reads: greeting, the three sections, the developer block, signature."""
    language = "ja" if language == "ja" else "en"
    blocks = ["\n".join(_greeting(language, greeting_name))]
    for part, text in _sections(reply):
        heading = _heading(part, language)
        heading = f"■ {heading}" if language == "ja" else f"{heading}\n{'-' * len(heading)}"
        blocks.append(f"{heading}\n{text}")
    if reply.developer_block.strip():
        rule = "-" * 60
        blocks.append(f"{rule}\n{reply.developer_block.strip()}\n{rule}")
    blocks.append(_closing(language))
    if signature.strip():
        blocks.append(signature.strip())
    return "\n\n".join(blocks) + "\n"


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _md_text(text: str) -> str:
    """Customer-visible Markdown prose: raw HTML in it must not reach a renderer that passes HTML through."""
    return html.escape(text, quote=False)


def render_markdown(reply: Reply, language: str, greeting_name: str = "", signature: str = "") -> str:
    """The same reply as Markdown: ``##`` headings and a fenced developer block."""
    language = "ja" if language == "ja" else "en"
    blocks = ["  \n".join(_md_text(line) for line in _greeting(language, greeting_name))]
    for part, text in _sections(reply):
        blocks.append(f"## {_heading(part, language)}\n\n{_md_text(text)}")
    if reply.developer_block.strip():
        body = reply.developer_block.strip()
        fence = _fence(body)
        blocks.append(f"{fence}\n{body}\n{fence}")
    blocks.append(_md_text(_closing(language)).replace("\n", "  \n"))
    if signature.strip():
        blocks.append(_md_text(signature.strip()).replace("\n", "  \n"))
    return "\n\n".join(blocks) + "\n"


def _html_paragraphs(text: str) -> list[str]:
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    return ["<p>" + "<br>\n".join(html.escape(line) for line in p.splitlines()) + "</p>" for p in paragraphs]


def render_html(reply: Reply, language: str, greeting_name: str = "", signature: str = "") -> str:
    """The same reply as an HTML fragment; every piece of text is escaped (customer text is untrusted)."""
    language = "ja" if language == "ja" else "en"
    out = _html_paragraphs("\n".join(_greeting(language, greeting_name)))
    for part, text in _sections(reply):
        out.append(f"<h3>{html.escape(_heading(part, language))}</h3>")
        out += _html_paragraphs(text)
    if reply.developer_block.strip():
        out.append(f"<pre>{html.escape(reply.developer_block.strip())}</pre>")
    out += _html_paragraphs(_closing(language))
    if signature.strip():
        out += _html_paragraphs(signature.strip())
    return "\n".join(out) + "\n"
