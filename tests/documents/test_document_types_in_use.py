"""Staff cannot pull a document type from under what hangs on it (issue 9, section 4): activities that
require it to enrol, documents families handed in. Retiring it, or turning it from per household to per
child, is refused with IN_USE and how many; a new code is carried into the activities' requirements."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from portail.db.engine import Database
from portail.db.models import Document, DocumentType
from portail.db.models.catalogue import Activity
from tests.documents.test_document_types import UPDATE
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import make_service
from tests.support.documents import make_document_type


async def hand_in(db: Database, doc_type: DocumentType, state: str) -> None:
    """A document of ``doc_type`` a family handed in, in ``state``."""
    family = await make_family(db, "lola@famille.test")
    async with db.transaction() as session:
        session.add(
            Document(
                household_id=family.household.id,
                type_id=doc_type.id,
                filename="attestation.pdf",
                content_type="application/pdf",
                size=1000,
                sha256="0" * 64,
                storage_key="key",
                uploaded_by=family.account.id,
                state=state,
            )
        )


async def row(db: Database, table: Any, row_id: Any) -> Any:
    async with db.read_sessions() as session:
        return await session.get(table, row_id)


async def update(agent: Any, doc_type: DocumentType, **changes: Any) -> dict[str, Any]:
    payload = await agent.data(UPDATE, {"id": str(doc_type.id), "input": changes})
    return payload["updateDocumentType"]  # type: ignore[no-any-return]


async def test_a_type_activities_require_or_documents_await_review_under_cannot_be_retired(db, browser):
    caf = await make_document_type(db)
    service = await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS", required_documents="ATTESTATION_CAF")
    await hand_in(db, caf, "pending")
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)

    refused = await update(agent, caf, active=False)
    assert refused["documentType"] is None
    assert refused["errors"] == [
        {
            "field": "active",
            "code": "IN_USE",
            "message": "1 accueil exige ce justificatif (« MERCREDIS ») : retirez-le d'abord de leurs pièces.",
        },
        {
            "field": "active",
            "code": "IN_USE",
            "message": "1 justificatif de ce type attend encore l'examen : examinez-le d'abord.",
        },
    ]
    assert (await row(db, DocumentType, caf.id)).active is True

    # The activity no longer requires it and the document was reviewed: the type retires.
    async with db.transaction() as session:
        activity = await session.get(Activity, service.activity.id)
        activity.required_documents = ""
        session.add(activity)
        for document in (await session.exec(select(Document))).all():
            document.state = "accepted"
            session.add(document)
    done = await update(agent, caf, active=False)
    assert done["errors"] == [] and done["documentType"]["active"] is False


async def test_a_type_documents_were_handed_in_under_keeps_its_per_child_setting(db, browser):
    caf = await make_document_type(db)
    await hand_in(db, caf, "accepted")
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)

    refused = await update(agent, caf, perChild=True)
    assert refused["errors"] == [
        {
            "field": "perChild",
            "code": "IN_USE",
            "message": "1 justificatif de ce type est déjà remis pour le foyer : créez plutôt un autre type.",
        }
    ]
    assert (await row(db, DocumentType, caf.id)).per_child is False


async def test_a_new_code_is_carried_into_the_activities_that_require_the_type(db, browser):
    caf = await make_document_type(db)
    await make_document_type(db, "PAI", "PAI", per_child=True)
    service = await make_service(db, required_documents="ATTESTATION_CAF,PAI")
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)

    done = await update(agent, caf, code="QUOTIENT_CAF")
    assert done["errors"] == [] and done["documentType"]["code"] == "QUOTIENT_CAF"
    assert (await row(db, Activity, service.activity.id)).required_documents == "QUOTIENT_CAF,PAI"
