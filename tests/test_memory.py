"""The collector around long-lived structures (pipeline/memory.py)."""

import gc

from pipeline.memory import building, kept_for_the_run


def test_building_pauses_the_collector_and_restores_its_state():
    assert gc.isenabled()
    with building():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with building():
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_kept_for_the_run_freezes_until_the_outermost_exit():
    assert gc.get_freeze_count() == 0
    table = {i: [i] for i in range(100)}
    with kept_for_the_run():
        assert gc.get_freeze_count() > 0
        with kept_for_the_run():
            pass
        assert gc.get_freeze_count() > 0  # the inner exit does not thaw the run's objects
    assert gc.get_freeze_count() == 0
    assert len(table) == 100


def test_kept_for_the_run_thaws_after_an_error():
    try:
        with kept_for_the_run():
            raise ValueError("x")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0
