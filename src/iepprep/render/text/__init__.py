"""Text output, drawn by Rich: every screen a command prints (and --output FILE.txt).

One module per job: `layout` (lines, headings, hanging indents, the plain layout),
`plan` (plan, checklist, questions), `tips`, `reference` (glossary, rights), `saved`
(review, notes, letters, history). `TextRenderer` is all of them together.
"""

from iepprep.render.text.reference import ReferenceText
from iepprep.render.text.saved import SavedText
from iepprep.render.text.tips import TipsText


class TextRenderer(ReferenceText, SavedText, TipsText):
    """Draws every screen as Rich text for one console."""


__all__ = ["TextRenderer"]
