"""A serving process tunes the garbage collector once its app has started (``portail.collector``)."""

from __future__ import annotations

import gc
import weakref

from portail import collector
from tests.conftest import LiveServer


class _Node:
    """An object that can hold a reference cycle."""

    other: object = None


async def test_a_started_app_freezes_what_it_holds_and_collects_the_young_less_often(
    live_server: LiveServer,
) -> None:
    assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD
    # The modules, the schema and the mappers are out of the collector's sight.
    frozen = gc.get_freeze_count()
    assert frozen > 10_000

    # Another app starting in the same process (as tests do) freezes nothing more.
    collector.settle()
    assert gc.get_freeze_count() == frozen

    # Garbage made after the start still goes: a cycle no one holds is collected.
    node = _Node()
    node.other = node
    gone = weakref.ref(node)
    del node
    gc.collect(0)
    assert gone() is None
