"""A decided record change's mail shows the value as a family reads it: phones and dates the French way."""

from __future__ import annotations

from datetime import date

from portail.resolvers.records import shown_value
from portail.rules import fields


def spec(field_name: str) -> fields.FieldSpec:
    return next(s for s in fields.CATALOGUE.values() if s.name == field_name)


def test_a_phone_is_shown_nationally_and_a_date_in_french() -> None:
    assert shown_value(spec("mainPhone"), "+33297000001") == "02 97 00 00 01"
    assert shown_value(spec("mainPhone"), "+442079460958") == "+44 20 7946 0958"
    assert shown_value(spec("quotientFrom"), date(2027, 1, 4)) == "04/01/2027"
    assert shown_value(spec("street"), "Rue des Lilas") == "Rue des Lilas"
