"""Acquisition offers: the bidder, the target and the status, with the amount kept on a fact node."""

from __future__ import annotations


def test_declined_offer_is_an_offer_not_an_acquisition(extract):
    ex = extract("L'an dernier, la société Kestrel avait décliné une offre de rachat de 300 millions de dollars "
                 "émanant du groupe Orvane.", full=True)
    preds = {(r.subject.text, r.predicate, r.object.text): r for r in ex.relations}
    assert ("Orvane", "acquired", "Kestrel") not in preds
    offer = preds[("Orvane", "offeredToAcquire", "Kestrel")]
    attrs = dict(offer.evidence.attributes)
    assert attrs["status"] == "declined"
    assert attrs["fact"] == "AcquisitionOffer"
    assert (float(attrs["amount"]), attrs["currency"]) == (300_000_000, "USD")
