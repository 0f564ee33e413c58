"""HTML output: one self-contained page to print or read on a phone.

No scripts and nothing fetched from the network: the styles are inline. It prints
cleanly on Letter or A4 (`@media print`), with real checkboxes and room to write.
All text, the user's and the tips', goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _escape
from typing import TYPE_CHECKING

from iepprep.core.common.safety import clean, one_line
from iepprep.core.i18n.language import current
from iepprep.core.i18n.messages import _
from iepprep.render import wording

if TYPE_CHECKING:
    from iepprep.render.views import PhaseSection, PlanView, QuestionsSection

CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #b9b9b9;
        --accent: #0b5394; --note: #fff4ce; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 17px/1.5 "Atkinson Hyperlegible", system-ui, -apple-system, "Segoe UI",
             Roboto, "Noto Sans", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem;
     border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
          margin: 0 0 1rem; }
dl.meta dt { font-weight: 700; }
dl.meta dd { margin: 0; white-space: pre-line; }
.notice { background: var(--note); border-left: 4px solid #8a6d00; padding: .5rem .75rem;
          margin: .75rem 0; }
ul.checklist { list-style: none; padding: 0; margin: 0; }
ul.checklist li { display: grid; grid-template-columns: 1.75rem 1fr; gap: 0 .5rem;
                  padding: .45rem 0; border-bottom: 1px solid #e3e3e3; }
ul.checklist input { width: 1.25rem; height: 1.25rem; margin: .2rem 0 0; }
.due { color: var(--accent); font-weight: 700; white-space: nowrap; }
.due.urgent { color: #8a4b00; }
.why { display: block; }
.src { display: block; color: var(--muted); font-size: .85rem; }
ol.questions { padding-left: 2rem; margin: .25rem 0; }
ol.questions li { margin: .4rem 0 .9rem; }
.answer { height: 2.6rem; border-bottom: 1px solid var(--line);
          background: repeating-linear-gradient(transparent 0 1.27rem, var(--line) 1.27rem 1.3rem); }
dl.words dt { font-weight: 700; margin-top: .6rem; }
dl.words dd { margin: 0 0 0 1rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .9rem; }
footer strong { color: var(--ink); }
a { color: var(--accent); }
@media (max-width: 30rem) {
  body { font-size: 16px; }
  main { padding: .75rem; }
  dl.meta { grid-template-columns: 1fr; }
  dl.meta dd { margin-bottom: .4rem; }
}
@media print {
  @page { margin: 15mm 14mm; }
  body { font-size: 11.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  ul.checklist li, ol.questions li, dl.words dt, dl.words dd, .notice
    { break-inside: avoid; page-break-inside: avoid; }
  section ~ section.questions { break-before: page; page-break-before: always; }
  a { color: var(--ink); text-decoration: none; }
  .notice { border: 1px solid #8a6d00; }
  /* The checklist alone is a page for the fridge: boxes, titles and dates. */
  main.compact { font-size: 10.5pt; line-height: 1.35; }
  main.compact h1 { font-size: 1.35rem; }
  main.compact .why, main.compact .src { display: none; }
  main.compact h2 { margin: .6rem 0 .25rem; font-size: 1.1rem; }
  main.compact ul.checklist li { padding: .05rem 0; border-bottom: 0;
                                 grid-template-columns: 1.4rem 1fr; }
  main.compact ul.checklist input { width: 1rem; height: 1rem; margin-top: .1rem; }
  main.compact dl.meta { margin-bottom: .4rem; }
  main.compact footer { margin-top: .6rem; font-size: .8rem; }
  main.compact footer p:first-child { display: none; }
}
"""


def esc(text: str) -> str:
    return _escape(one_line(text), quote=True)


def _page(title: str, body: list[str], *, compact: bool = False) -> str:
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{current()}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="iepprep">',
            f"<title>{esc(title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            '<main class="compact">' if compact else "<main>",
            *body,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _header(view: PlanView, title: str, *, compact: bool = False) -> list[str]:
    out = ["<header>", f"<h1>{esc(title)}</h1>", '<dl class="meta">']
    for name, value in view.facts:
        if compact and name == wording.worries_label():
            continue  # a page for the fridge is seen by visitors
        out.append(f"<dt>{esc(name)}</dt><dd>{_escape(clean(value))}</dd>")
    out.append("</dl>")
    for notice in view.notices:
        note = esc(wording.note_label())
        out.append(f'<p class="notice" role="note"><strong>{note}:</strong> {esc(notice)}</p>')
    out.append("</header>")
    return out


def _checklist(sections: Sequence[PhaseSection]) -> list[str]:
    out: list[str] = []
    for section in sections:
        heading_id = f"phase-{section.phase.value}"
        out += [
            f'<section aria-labelledby="{heading_id}">',
            f'<h2 id="{heading_id}">{esc(section.title)}</h2>',
            '<ul class="checklist">',
        ]
        for row in section.rows:
            box = f"item-{row.item.id}"
            due_class = "due urgent" if row.urgent else "due"
            due_html = f' <span class="{due_class}">({esc(row.due)})</span>' if row.due else ""
            out.append(
                f'<li><input type="checkbox" id="{box}">'
                f'<label for="{box}"><strong>{esc(row.item.text)}</strong>{due_html}'
                f'<span class="why">{esc(row.item.why)}</span>'
                f'<span class="src">{esc(" · ".join(row.source))}</span>'
                "</label></li>"
            )
        out += ["</ul>", "</section>"]
    return out


def _questions(section: QuestionsSection | None) -> list[str]:
    if section is None or not section.groups:
        return []
    out = [
        '<section class="questions" aria-labelledby="questions">',
        f'<h2 id="questions">{esc(_("Questions to ask"))}</h2>',
    ]
    if section.intro:
        out.append(f"<p>{esc(section.intro)}</p>")
    for group in section.groups:
        out += [f"<h3>{esc(group.title)}</h3>", '<ol class="questions">']
        for question in group.questions:
            out.append(
                f'<li value="{question.number}">{esc(question.text)}'
                f'<div class="answer" role="presentation" aria-hidden="true"></div></li>'
            )
        out.append("</ol>")
    out.append("</section>")
    return out


def _extras(view: PlanView) -> list[str]:
    out: list[str] = []
    if view.words:
        out += [
            '<section aria-labelledby="words">',
            f'<h2 id="words">{esc(_("Words you may hear"))}</h2>',
            '<dl class="words">',
        ]
        for word in view.words:
            name = esc(word.term) + (f" ({esc(word.expansion)})" if word.expansion else "")
            out.append(f"<dt>{name}</dt><dd>{esc(word.definition)}</dd>")
        out += ["</dl>", "</section>"]
    state = view.state
    if state:
        heading = esc(_("In {state}").format(state=state.name))
        out += ['<section aria-labelledby="state">', f'<h2 id="state">{heading}</h2>']
        if not state.known:
            url = wording.PARENT_CENTER_URL
            text = esc(wording.no_state_notes(state.name))
            link = f'<a href="{url}">{esc(url)}</a>'
            out.append(f"<p>{text.replace(esc(url), link, 1)}</p>")
        else:
            out.append("<ul>")
            if state.meeting_name:
                out.append(f"<li>{esc(wording.meeting_called(state.meeting_name))}</li>")
            for note in state.notes:
                source = note.get("source") or ""
                citation = note.get("citation")
                cite = f"{esc(citation)} · " if citation else ""
                out.append(
                    f"<li>{esc(note['text'] or '')} <small>({cite}"
                    f'<a href="{_escape(source, quote=True)}">{esc(wording.site(source))}</a>)'
                    "</small></li>"
                )
            out += ["</ul>", f"<p><em>{esc(wording.VERIFY_STATE)}</em></p>"]
        out.append("</section>")
    return out


def _footer(legal: str) -> list[str]:
    return [
        "<footer>",
        f"<p>{esc(wording.SOURCES_NOTE)}</p>",
        f"<p><strong>{esc(legal)}</strong></p>",
        "</footer>",
    ]


class HtmlRenderer:
    """A plan, its checklist or its questions, as one self-contained page."""

    def plan(self, view: PlanView) -> str:
        title = wording.titled(view.title, view.kind)
        # The checklist alone prints as a compact page (boxes, titles and due dates).
        compact = view.kind == "checklist"
        body = _header(view, title, compact=compact) + _checklist(view.phases)
        body += _questions(view.questions) + _extras(view) + _footer(view.legal)
        return _page(title, body, compact=compact)
