"""The health form ("fiche sanitaire de liaison"): the town's lists of illnesses, diets and vaccines;
a child's illnesses had, several diets, insurance and doctor's address; vaccinations that name the
town's vaccine; the vaccines an activity requires.

Data kept: each child's single diet becomes its first entry in the diets list (the column stays: the
canteen's meal counts read it), and each vaccination whose name matches a vaccine of the list (by code or
label, case and spaces aside) is linked to it; the others stay as the family wrote them.

Plain ADD COLUMN on ``activity`` (no batch): a batch would rebuild it on SQLite and drop the catalogue
version's triggers (revision 0016).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 03:00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The official form's lists; towns edit them afterwards (``createHealthListEntry``, ``updateHealthListEntry``).
ILLNESSES = (
    ("RUBEOLE", "Rubéole"),
    ("VARICELLE", "Varicelle"),
    ("ANGINE", "Angine"),
    ("RHUMATISME", "Rhumatisme articulaire aigu"),
    ("SCARLATINE", "Scarlatine"),
    ("COQUELUCHE", "Coqueluche"),
    ("OTITE", "Otite"),
    ("ROUGEOLE", "Rougeole"),
    ("OREILLONS", "Oreillons"),
)
# The first three are the codes of the single diet children had until now.
DIETS = (
    ("NO_PORK", "Sans porc"),
    ("VEGETARIAN", "Végétarien"),
    ("NO_MEAT", "Sans viande"),
    ("NO_GLUTEN", "Sans gluten"),
)
VACCINES = (
    ("DTP", "DTP (diphtérie, tétanos, poliomyélite)"),
    ("COQUELUCHE", "Coqueluche"),
    ("HIB", "Haemophilus influenzae b"),
    ("HEPATITE_B", "Hépatite B"),
    ("PNEUMOCOQUE", "Pneumocoque"),
    ("MENINGOCOQUE_C", "Méningocoque C"),
    ("ROR", "ROR (rougeole, oreillons, rubéole)"),
    ("BCG", "BCG"),
)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def upgrade() -> None:
    items = op.create_table(
        "health_list_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", AutoString(length=10), nullable=False),
        sa.Column("code", AutoString(length=30), nullable=False),
        sa.Column("label", AutoString(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("validity_years", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "code"),
    )
    op.create_index(op.f("ix_health_list_item_kind"), "health_list_item", ["kind"], unique=False)
    op.create_table(
        "child_diet",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["health_list_item.id"]),
        sa.PrimaryKeyConstraint("child_id", "item_id"),
    )
    op.create_table(
        "child_illness",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["health_list_item.id"]),
        sa.PrimaryKeyConstraint("child_id", "item_id"),
    )
    op.create_table(
        "child_insurance",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("company", AutoString(length=100), nullable=False),
        sa.Column("policy_number", AutoString(length=50), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("certificate_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["certificate_id"], ["document.id"]),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"]),
        sa.PrimaryKeyConstraint("child_id"),
    )
    op.add_column(
        "child",
        sa.Column("doctor_address", AutoString(length=300), nullable=False, server_default=""),
    )
    op.add_column(
        "activity",
        sa.Column("required_vaccines", AutoString(length=300), nullable=False, server_default=""),
    )
    # ``vaccination`` is no catalogue table: a batch (a rebuild on SQLite) may add its foreign key.
    with op.batch_alter_table("vaccination") as batch:
        batch.add_column(sa.Column("vaccine_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            "fk_vaccination_vaccine_id_health_list_item", "health_list_item", ["vaccine_id"], ["id"]
        )
        batch.create_index(op.f("ix_vaccination_vaccine_id"), ["vaccine_id"], unique=False)

    rows = []
    ids: dict[tuple[str, str], uuid.UUID] = {}
    for kind, entries in (("ILLNESS", ILLNESSES), ("DIET", DIETS), ("VACCINE", VACCINES)):
        for position, (code, label) in enumerate(entries):
            ids[(kind, code)] = uuid.uuid4()
            rows.append(
                {
                    "id": ids[(kind, code)],
                    "kind": kind,
                    "code": code,
                    "label": label,
                    "position": position,
                    "active": True,
                    "validity_years": None,
                }
            )
    op.bulk_insert(items, rows)

    conn = op.get_bind()
    child = sa.table("child", sa.column("id", sa.Uuid()), sa.column("diet", sa.String()))
    child_diet = sa.table("child_diet", sa.column("child_id", sa.Uuid()), sa.column("item_id", sa.Uuid()))
    diets = [
        {"child_id": child_id, "item_id": ids[("DIET", diet)]}
        for child_id, diet in conn.execute(sa.select(child.c.id, child.c.diet))
        if ("DIET", diet) in ids
    ]
    if diets:
        op.bulk_insert(child_diet, diets)
    vaccination = sa.table(
        "vaccination",
        sa.column("id", sa.Uuid()),
        sa.column("vaccine", sa.String()),
        sa.column("vaccine_id", sa.Uuid()),
    )
    by_name: dict[str, uuid.UUID] = {}
    for code, label in VACCINES:
        by_name[_key(code)] = by_name[_key(label)] = ids[("VACCINE", code)]
        # "ROR" as often as "ROR (rougeole, oreillons, rubéole)": the short name before the brackets too.
        by_name[_key(label.split("(")[0])] = ids[("VACCINE", code)]
    for row_id, name in conn.execute(sa.select(vaccination.c.id, vaccination.c.vaccine)).all():
        found = by_name.get(_key(name))
        if found is not None:
            conn.execute(vaccination.update().where(vaccination.c.id == row_id).values(vaccine_id=found))


def downgrade() -> None:
    with op.batch_alter_table("vaccination") as batch:
        batch.drop_index(op.f("ix_vaccination_vaccine_id"))
        batch.drop_constraint("fk_vaccination_vaccine_id_health_list_item", type_="foreignkey")
        batch.drop_column("vaccine_id")
    op.drop_column("activity", "required_vaccines")
    op.drop_column("child", "doctor_address")
    op.drop_table("child_insurance")
    op.drop_table("child_illness")
    op.drop_table("child_diet")
    op.drop_index(op.f("ix_health_list_item_kind"), table_name="health_list_item")
    op.drop_table("health_list_item")
