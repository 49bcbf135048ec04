"""``any_of``: the same rows as ``IN`` on both databases, and a statement the database can answer by index."""

from __future__ import annotations

from sqlalchemy import select, text

from cre_desk.core.tickets import TicketFields
from cre_desk.db.id_lists import any_of
from cre_desk.db.models import Ticket


def _make(service, count: int) -> list[int]:
    return [service.create_ticket(TicketFields(title=f"ticket {n}")).id for n in range(count)]


def test_any_of_finds_the_same_rows_as_in_for_every_list_length(database, service):
    ids = _make(service, 7)
    with database.read() as session:
        for wanted in ([], [ids[0]], ids[2:5], [*ids, 999_999], ids[:3] + ids[:3]):
            got = sorted(session.scalars(select(Ticket.id).where(any_of(Ticket.id, wanted))))
            assert got == sorted(set(wanted) & set(ids))
        # two in one statement keep their own values
        both = select(Ticket.id).where(any_of(Ticket.id, ids[:1]) | any_of(Ticket.id, ids[-1:]))
        assert sorted(session.scalars(both)) == [ids[0], ids[-1]]


def test_any_of_is_one_parameter_on_postgresql_and_a_plain_in_on_sqlite(database, service):
    ids = _make(service, 3)
    stmt = select(Ticket.id).where(any_of(Ticket.id, ids))
    sql = str(stmt.compile(dialect=database.engine.dialect))
    if database.dialect == "postgresql":
        assert "ANY" in sql and sql.count("%(") == 1
    else:
        # a bare IN: "IN (…) = 1" (how SQLite is handed an unknown boolean expression) reads every ticket
        literal = str(stmt.compile(dialect=database.engine.dialect,
                                   compile_kwargs={"literal_binds": True, "render_postcompile": True}))
        assert "= 1" not in literal
        with database.read() as session:
            plan = " ".join(str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {literal}")))
        assert "SCAN" not in plan, plan
