"""Helpdesk HTML bodies become plain text that is safe to show in a plain-text widget and to search."""

from __future__ import annotations

import re

import pytest

from cre_desk.integrations.html_text import html_to_text

TAG = re.compile(r"<\s*/?\s*(script|img|a|p|div|style|iframe|br)\b", re.IGNORECASE)


def test_paragraphs_breaks_and_inline_markup():
    body = "<p>Hi there,</p><p><br></p><p>The <b>SDK</b> &amp; the app<br>crash on start.</p>"
    assert html_to_text(body) == "Hi there,\n\nThe SDK & the app\ncrash on start."


def test_whitespace_collapses_like_html_but_pre_is_kept():
    assert html_to_text("<p>a\n   b\t c</p>") == "a b c"
    assert html_to_text("<pre>  val x = 1\n    y()</pre>after") == "  val x = 1\n    y()\nafter"


def test_lists_become_lines():
    body = "<ul><li>one</li><li>two<ol><li>x</li><li>y</li></ol></li></ul>after"
    assert html_to_text(body) == "- one\n- two\n  1. x\n  2. y\nafter"


def test_links_show_text_and_url():
    body = ('see <a href="https://docs.example.com/push">the docs</a>, '
            '<a href="https://example.com">https://example.com</a> and <a href="mailto:a@b.io">a@b.io</a>')
    assert html_to_text(body) == "see the docs (https://docs.example.com/push), https://example.com and a@b.io"
    assert html_to_text('<a href="mailto:ops@b.io">ops</a>') == "ops (ops@b.io)"


def test_dangerous_link_targets_are_not_offered():
    body = ('<a href="javascript:alert(1)">click</a> <a href="file:///etc/passwd">pw</a> '
            '<a href="&#106;avascript:x">enc</a> <a href="java\nscript:x">nl</a>')
    text = html_to_text(body)
    assert text == "click pw enc nl"


def test_script_style_and_friends_are_dropped():
    body = ("x<script>alert('<p>hi</p>')</script>y<style>p{color:red}</style>z"
            "<iframe src='https://evil'>frame</iframe><noscript>ns</noscript><svg><title>t</title></svg>!")
    assert html_to_text(body) == "xyz!"


def test_unclosed_script_swallows_only_script():
    assert html_to_text("before<script>document.write('<p>a</p>')") == "before"


def test_images_become_placeholders_and_local_sources_vanish():
    assert html_to_text("<img src=file:///etc/passwd>") == "[image]"
    assert html_to_text('<img src="//127.0.0.1:9/x" alt="x">') == "[image: x]"
    assert html_to_text('see<img src="https://cdn.example/shot.png" alt="crash screen">') == (
        "see [image: crash screen (https://cdn.example/shot.png)]")


def test_entities_are_decoded():
    assert html_to_text("caf&eacute; &#x1F600; &lt;3 &gt; &quot;q&quot; &#39;s&#39; a&nbsp;b") == "café 😀 <3 > \"q\" 's' a b"


def test_escaped_markup_the_customer_typed_stays_literal_text():
    """Pasted snippets arrive escaped; they are text (shown with setPlainText), not markup."""
    assert html_to_text("<p>&lt;meta name=&quot;viewport&quot;&gt;</p>") == '<meta name="viewport">'


def test_comments_cdata_and_truncated_tags_never_leak():
    assert html_to_text("x <!-- secret --> y") == "x y"
    assert html_to_text("<![CDATA[raw]]>y") == "y"
    assert html_to_text("x<img src='file:///etc/pas") == "x"
    assert html_to_text("x<!-- never closed") == "x"
    assert html_to_text("a < b") == "a < b"


def test_control_characters_removed():
    assert html_to_text("nul\x00here\x07 &#0;ok\r\nnext") == "nulhere \ufffdok next"


@pytest.mark.parametrize("value", [None, "", "   ", "<p></p>", "<br><br>"])
def test_empty_inputs(value):
    assert html_to_text(value) == ""


def test_full_document():
    doc = ("<!DOCTYPE html><html><head><title>Mail</title><style>body{}</style></head>"
           "<body><h1>Title</h1><p>Body</p><table><tr><td>a</td><td>b</td></tr></table></body></html>")
    assert html_to_text(doc) == "Title\nBody\na  b"


@pytest.mark.parametrize("body", [
    "<script>alert(1)</script><img src=file:///etc/passwd onerror=alert(1)>",
    "<p onclick='x'>a</p><div><a href='https://x'>y</a></div><style>*{}</style>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    "<iframe srcdoc='<script>1</script>'></iframe>",
    '<a href="https://x.example/<script>alert(1)</script>">x</a>',
    '<img alt="<script>alert(1)</script>" src="https://cdn.example/<img>">',
    '<a href="https://x.example/"/>tail',
])
def test_output_never_contains_tags(body):
    assert not TAG.search(html_to_text(body))


@pytest.mark.parametrize("body", ["<<script>script>alert(1)<</script>/script>", "<&#115;cript>x", "<<b></b>img src=x>"])
def test_broken_markup_cannot_reassemble_into_a_tag(body):
    assert not TAG.search(html_to_text(body))
