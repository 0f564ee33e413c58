"""HTML output: one self-contained page to print or read on a phone.

No scripts and nothing fetched from the network: the styles are inline. It prints
cleanly on Letter or A4 (`@media print`), with real checkboxes and room to write.
All text, the user's and the tips', goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _escape

from iepprep.core.common.safety import clean, one_line
from iepprep.core.content.models import Phase
from iepprep.core.planning.plan import Plan, PlanQuestion
from iepprep.render import wording

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
            '<html lang="en">',
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


def _header(plan: Plan, title: str, *, compact: bool = False) -> list[str]:
    out = ["<header>", f"<h1>{esc(title)}</h1>", '<dl class="meta">']
    for name, value in wording.header_lines(plan):
        if compact and name == "Your worries":
            continue  # a page for the fridge is seen by visitors
        out.append(f"<dt>{esc(name)}</dt><dd>{_escape(clean(value))}</dd>")
    out.append("</dl>")
    for notice in plan.notices:
        out.append(f'<p class="notice" role="note"><strong>Note:</strong> {esc(notice)}</p>')
    out.append("</header>")
    return out


def _checklist(plan: Plan, phases: Sequence[Phase]) -> list[str]:
    out: list[str] = []
    for phase in phases:
        items = plan.phase(phase)
        if not items:
            continue
        heading_id = f"phase-{phase.value}"
        out += [
            f'<section aria-labelledby="{heading_id}">',
            f'<h2 id="{heading_id}">{esc(wording.phase_title(phase))}</h2>',
            '<ul class="checklist">',
        ]
        for item in items:
            box = f"item-{item.id}"
            due = wording.due_text(item, plan)
            due_html = f' <span class="due">({esc(due)})</span>' if due else ""
            out.append(
                f'<li><input type="checkbox" id="{box}">'
                f'<label for="{box}"><strong>{esc(item.text)}</strong>{due_html}'
                f'<span class="why">{esc(item.why)}</span>'
                f'<span class="src">{esc(" · ".join(wording.source_bits(item)))}</span>'
                "</label></li>"
            )
        out += ["</ul>", "</section>"]
    return out


def _questions(questions: Sequence[PlanQuestion]) -> list[str]:
    if not questions:
        return []
    out = [
        '<section class="questions" aria-labelledby="questions">',
        '<h2 id="questions">Questions to ask</h2>',
    ]
    if intro := wording.questions_intro(len(questions)):
        out.append(f"<p>{esc(intro)}</p>")
    topic = None
    for question in questions:
        if question.topic != topic:
            if topic is not None:
                out.append("</ol>")
            topic = question.topic
            out += [f"<h3>{esc(question.topic_title)}</h3>", '<ol class="questions">']
        out.append(
            f'<li value="{question.number}">{esc(question.text)}'
            f'<div class="answer" role="presentation" aria-hidden="true"></div></li>'
        )
    out += ["</ol>", "</section>"]
    return out


def _extras(plan: Plan) -> list[str]:
    out: list[str] = []
    if plan.words:
        out += [
            '<section aria-labelledby="words">',
            '<h2 id="words">Words you may hear</h2>',
            '<dl class="words">',
        ]
        for word in plan.words:
            name = esc(word.term) + (f" ({esc(word.expansion)})" if word.expansion else "")
            out.append(f"<dt>{name}</dt><dd>{esc(word.definition)}</dd>")
        out += ["</dl>", "</section>"]
    state = plan.state
    if state:
        out += ['<section aria-labelledby="state">', f'<h2 id="state">In {esc(state.name)}</h2>']
        if not state.known:
            out.append(
                f"<p>We have no notes for {esc(state.name)} yet, so we won't guess. Read your "
                "state's procedural safeguards notice, or ask your state's parent center "
                f'(<a href="{wording.PARENT_CENTER_URL}">{esc(wording.PARENT_CENTER_URL)}</a>).</p>'
            )
        else:
            out.append("<ul>")
            if state.meeting_name:
                out.append(f"<li>The meeting is called: {esc(state.meeting_name)}.</li>")
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


def _footer() -> list[str]:
    return [
        "<footer>",
        f"<p>{esc(wording.SOURCES_NOTE)}</p>",
        f"<p><strong>{esc(wording.NOT_LEGAL_ADVICE)}</strong></p>",
        "</footer>",
    ]


def plan(plan: Plan, *, parts: Sequence[str] = ("checklist", "questions")) -> str:
    title = wording.plan_title(plan)
    body = _header(plan, title)
    if "checklist" in parts:
        body += _checklist(plan, list(Phase))
    if "questions" in parts:
        body += _questions(plan.questions)
    body += _extras(plan) + _footer()
    return _page(title, body)


def checklist_only(plan: Plan, phases: Sequence[Phase]) -> str:
    """On screen with reasons; printed, a compact page (boxes, titles and due dates)."""
    title = wording.plan_title(plan) + ": checklist"
    body = _header(plan, title, compact=True) + _checklist(plan, phases) + _footer()
    return _page(title, body, compact=True)


def questions_only(plan: Plan, questions: Sequence[PlanQuestion]) -> str:
    title = wording.plan_title(plan) + ": questions"
    return _page(title, _header(plan, title) + _questions(questions) + _footer())
