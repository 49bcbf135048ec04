"""Turn helpdesk HTML bodies (Intercom parts, Zendesk html_body) into plain text for display and search.

Customer text is never rendered as HTML anywhere in CRE Desk: a body may carry ``<script>``, tracking
images or ``file:`` links, and a rich-text widget would fetch or follow them. So bodies are converted
once, here, with the standard library's tolerant ``html.parser``: block elements become line breaks,
links become "text (url)" (only for http, https and mailto, so a ``javascript:`` or ``file:`` target is
never offered to the user as something to open), images become a "[image: ...]" placeholder, the
contents of scripts, styles and similar elements are dropped and entities are decoded. Tags never reach
the output, not even re-assembled from broken markup such as ``<<script>script>``: a raw ``<`` left over
by the lenient parser is dropped wherever it would start a tag. Characters the customer typed, which
arrive escaped as ``&lt;`` and ``&gt;``, are kept, because that is what they wrote (SDK tickets are full
of pasted markup snippets) and the result is only ever shown as plain text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

__all__ = ["html_to_text"]

#: Elements whose content is never text meant for a reader.
_SKIP = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math", "title"})
#: Elements that start and end on a line of their own.
_BLOCK = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "tr", "caption", "figure", "figcaption", "address", "details", "summary", "form", "fieldset", "hr", "li",
    "body", "html",
})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_WS = re.compile(r"[ \t\n\r\f\v]+")
#: C0/C1 control characters other than tab and newline, which only confuse widgets and the database.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_RUN = re.compile(r"\n{3,}")
#: What is left at the end of a truncated document when a tag or comment was cut off mid-way.
_CUT_TAG = re.compile(r"<[A-Za-z/!?]")
#: Stands for a "<" that came from raw text rather than from an entity, until the output is assembled.
_RAW_LT = "\ue000"
_RAW_LT_TAGLIKE = re.compile(_RAW_LT + r"(?=[A-Za-z/!?])")
#: A "<" that would open a tag, in text taken from an attribute (alt), where it is never the customer's words.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _safe_url(url: str | None) -> str:
    """The URL if it is one a user may reasonably open (http, https, mailto), else ""."""
    if not url:
        return ""
    url = url.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return ""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    if scheme not in _SAFE_SCHEMES:
        return ""
    # Shown as text next to the link: characters that could read as markup are percent-encoded.
    return url.replace("<", "%3C").replace(">", "%3E").replace('"', "%22")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self._skip: list[str] = []
        self._pre = 0
        self._links: list[tuple[str, int]] = []
        self._lists: list[list] = []  # [tag, counter]

    # -- output helpers ---------------------------------------------------------------------------
    def _tail(self) -> str:
        for chunk in reversed(self.out):
            if chunk:
                return chunk[-1]
        return "\n"

    def _newline(self) -> None:
        """Start a new line unless the output is already at the start of one."""
        if self._tail() != "\n":
            self.out.append("\n")

    def _emit(self, text: str) -> None:
        if text:
            self.out.append(text)

    # -- parser callbacks -------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip.append(tag)
            return
        if self._skip:
            return
        attr = dict(attrs)
        if tag == "br":
            self.out.append("\n")
        elif tag == "img":
            self._image(attr)
        elif tag == "a":
            self._links.append((_safe_url(attr.get("href")), len(self.out)))
        elif tag in ("ul", "ol"):
            self._newline()
            self._lists.append([tag, 0])
        elif tag == "li":
            self._newline()
            depth = max(len(self._lists), 1)
            marker = "- "
            if self._lists and self._lists[-1][0] == "ol":
                self._lists[-1][1] += 1
                marker = f"{self._lists[-1][1]}. "
            self._emit("  " * (depth - 1) + marker)
        elif tag in ("td", "th"):
            if self._tail() not in ("\n", " "):
                self._emit("  ")
        elif tag in _BLOCK:
            self._newline()
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <img/>: same as the start tag; a self-closed <script/> has no content to skip.
        if tag not in _SKIP and tag != "a":  # <a/> has no text to label
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if self._skip:
            return
        if tag == "a":
            if self._links:
                self._close_link(*self._links.pop())
        elif tag in ("ul", "ol"):
            if self._lists:
                self._lists.pop()
            self._newline()
        elif tag in _BLOCK:
            if tag == "pre" and self._pre:
                self._pre -= 1
            self._newline()

    def handle_data(self, data: str) -> None:
        # Raw text: a "<" here is debris of broken markup ("<<script>script>"), so it is marked and
        # only kept where it cannot start a tag; "&lt;" arrives through handle_entityref as real text.
        self._text(data.replace(_RAW_LT, "").replace("<", _RAW_LT))

    def handle_entityref(self, name: str) -> None:
        self._text(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._text(html.unescape(f"&#{name};"))

    def _text(self, data: str) -> None:
        if self._skip or not data:
            return
        if self._pre:
            self._emit(data.replace("\r\n", "\n").replace("\r", "\n"))
            return
        text = _WS.sub(" ", data)
        if text.startswith(" ") and self._tail() in ("\n", " "):
            text = text[1:]
        self._emit(text)

    # -- pieces -----------------------------------------------------------------------------------
    def _image(self, attr: dict[str, str | None]) -> None:
        alt = _TAG_START.sub("", _WS.sub(" ", attr.get("alt") or "")).strip()
        url = _safe_url(attr.get("src"))
        if url.startswith("mailto:"):
            url = ""
        inner = ": ".join(part for part in ("image", alt) if part)
        if url:
            inner += f" ({url})"
        if self._tail() not in ("\n", " "):
            self._emit(" ")
        self._emit(f"[{inner}]")

    def _close_link(self, url: str, start: int) -> None:
        if not url:
            return
        text = "".join(self.out[start:]).strip()
        plain = url[len("mailto:"):] if url.lower().startswith("mailto:") else url
        if text in (url, plain, url.rstrip("/")):
            if not text:
                self._emit(plain)
            return
        self._emit(f" ({plain})" if text else plain)

    def close(self) -> None:
        # A document cut off inside a tag or comment ("... <img src=x", "<!-- ...") leaves the fragment
        # in rawdata, which HTMLParser would flush as text. It is markup, not something anyone wrote.
        cut = _CUT_TAG.search(self.rawdata)
        if cut and ">" not in self.rawdata[cut.start():]:
            self.rawdata = self.rawdata[: cut.start()]
        super().close()


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment or document; "" for None or an empty body. Never returns tags."""
    if not markup:
        return ""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.out)
    text = _RAW_LT_TAGLIKE.sub("", text).replace(_RAW_LT, "<")
    text = text.replace("\xa0", " ")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n").rstrip()
