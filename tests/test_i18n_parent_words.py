"""Spanish search understands the words Spanish-speaking parents in the US really type.

Each sentence leans on words the tip itself does not use: Mexican, Caribbean and
Central American everyday words, Spanglish, a common misspelling. They reach the tip
through data/es/synonyms.yaml or the tip's Spanish `asks`, so losing either fails here.
"""

from __future__ import annotations

import pytest

from iepprep.core.content.library import load_library, localize_library
from iepprep.core.i18n.language import set_current
from iepprep.core.search.tips import search_tips


@pytest.mark.parametrize(
    ("query", "tips"),
    [
        # "correr" a student: to send them out of school (Mexico, Central America)
        ("lo corrieron de la escuela otra vez", {"count-the-days-of-removal"}),
        # b/v confusion, and the phone parents record with
        ("quiero gravar la junta con mi celular", {"check-recording-rules"}),
        # "la prepa": high school (Mexico)
        ("que pasa despues de la prepa", {"transition-planning"}),
        ("los niños se burlan de mi hijo", {"bullying-and-the-iep"}),
        ("quiero una segunda opinion de otro evaluador", {"consider-an-iee"}),
        # "licenciado": how many parents address or name a lawyer
        ("necesito un licenciado para pelear con el distrito", {"consider-an-advocate"}),
        # Spanglish for the school records
        ("como pido los records de mi hijo", {"request-evaluation-report"}),
        ("no hablo ingles y necesito traductora", {"ask-for-an-interpreter"}),
        ("puedo llevar a mi marido a la junta", {"dont-go-alone"}),
        # "acomodaciones": the calque schools' own Spanish papers use
        ("la maestra no le da las acomodaciones", {"accommodations-who-tells"}),
    ],
)
def test_parents_everyday_spanish_finds_the_tip_first(query: str, tips: set[str]) -> None:
    set_current("es")
    library = localize_library(load_library(), "es")
    found = [hit.tip.id for hit in search_tips(library, query, limit=3)]
    assert found and found[0] in tips, (query, found)
