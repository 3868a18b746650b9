"""References across sentences: definite descriptions, possessives and an interviewee's "nous"/"vous"."""

from __future__ import annotations


def test_definite_description_points_to_the_main_organisation(extract):
    ex = extract("La start-up Kiwano recrute. Kiwano ouvre un bureau à Lille. La société a lancé en mai une "
                 "application baptisée Kiwi Pay.", full=True)
    [fact] = [r for r in ex.relations if r.predicate == "launched"]
    assert (fact.subject.text, fact.object.text) == ("Kiwano", "Kiwi Pay")
    assert fact.evidence.confidence < 0.75  # lower than the same rule with a named subject


def test_interviewer_vous_is_the_interviewee_organisation(extract):
    text = ("Le Journal : vous avez lancé le concours Data Cup en partenariat avec Ciblex, pourquoi ?\n"
            "Anne Morel : chez Kiwano nous croyons aux données. Kiwano aide les associations.\n"
            "Le Journal : et ensuite ?\nAnne Morel : Kiwano continue.\n")
    facts = extract(text)
    assert ("Ciblex", "partnersWith", "Kiwano") in facts or ("Kiwano", "partnersWith", "Ciblex") in facts


def test_possessive_title_belongs_to_the_clause_subject(extract):
    facts = extract("La société Quorel a racheté la start-up Tiplo, a annoncé jeudi son président, Marc Aubry.")
    assert ("Marc Aubry", "leaderOf", "Quorel") in facts
    assert ("Marc Aubry", "leaderOf", "Tiplo") not in facts


def test_demonym_after_a_start_up(extract):
    assert ("Tiplo", "basedIn", "Nantes") in extract("Quorel rachète la start-up nantaise Tiplo.")
