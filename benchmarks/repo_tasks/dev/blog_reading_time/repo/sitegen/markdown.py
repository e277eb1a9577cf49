"""A deliberately small Markdown subset: headings, paragraphs, lists,
emphasis, inline code and links."""

import html
import re

_LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_STRONG_RE = re.compile(r"\*\*(.+?)\*\*")
_EM_RE = re.compile(r"\*(.+?)\*")
_CODE_RE = re.compile(r"`([^`]+)`")


def inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = _CODE_RE.sub(r"<code>\1</code>", text)
    text = _STRONG_RE.sub(r"<strong>\1</strong>", text)
    text = _EM_RE.sub(r"<em>\1</em>", text)
    return _LINK_RE.sub(r'<a href="\2">\1</a>', text)


def to_html(source: str) -> str:
    blocks = re.split(r"\n\s*\n", source.strip())
    out = []
    for block in blocks:
        lines = block.splitlines()
        if not lines:
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", lines[0])
        if heading and len(lines) == 1:
            level = len(heading.group(1))
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        elif all(line.lstrip().startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{inline(line.lstrip()[2:])}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{inline(' '.join(line.strip() for line in lines))}</p>")
    return "\n".join(out)


def plain_text(source: str) -> str:
    """The text of a post with Markdown markup removed."""
    text = _LINK_RE.sub(r"\1", source)
    text = re.sub(r"[*`#]", "", text)
    text = re.sub(r"^\s*[-*]\s+", "", text, flags=re.MULTILINE)
    return text
