"""What the screen shows is the checkout's state: Start touched, and the weighed item
still on the scale (so a repeated stable reading never adds the next item by mistake)."""

from __future__ import annotations

from domain_factories import BANANAS, MILK, at, checkout_in, run, scan, settings

from kiosk.domain.checkout import Checkout, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev


def test_start_shows_the_empty_basket_until_the_welcome_lapses() -> None:
    idle = Checkout.start(settings(), "b-1")
    assert not idle.engaged
    started = run(idle, ev.StartTouched(at(1)))
    assert (started.phase, started.engaged) == (Phase.IDLE, True)
    assert not run(started, ev.WelcomeLapsed(at(2))).engaged
    # the next shopper starts at the welcome screen
    assert not run(started, ev.Reset("b-2", at(2))).engaged


def test_a_stable_weight_completes_the_waiting_item_once() -> None:
    weighing = checkout_in(Phase.WEIGHING)
    after, effects = weighing.handle(ev.ScaleRead(1234, True, at(3)))
    assert after.phase is Phase.SHOPPING
    assert [type(e) for e in effects] == [fx.JournalLine, fx.Beep]
    assert after.basket.lines[-1].weight_g == 1234
    assert after.on_scale_g == 1234
    # the same reading again (it is still on the scale) changes nothing
    assert after.handle(ev.ScaleRead(1234, True, at(4))) == (after, [])


def test_the_last_items_weight_does_not_complete_the_next_one() -> None:
    first = run(checkout_in(Phase.WEIGHING), ev.ScaleRead(1234, True, at(3)))
    waiting = run(first, scan(BANANAS, 4))
    assert waiting.phase is Phase.WEIGHING
    same, effects = waiting.handle(ev.ScaleRead(1234, True, at(5)))
    assert (same.phase, effects) == (Phase.WEIGHING, [])  # the bananas before are still on
    unstable = run(waiting, ev.ScaleRead(0, False, at(5)))  # taken off
    assert unstable.on_scale_g is None
    added = run(unstable, ev.ScaleRead(1234, True, at(6)))
    assert added.phase is Phase.SHOPPING
    assert [line.weight_g for line in added.basket.lines[-2:]] == [1234, 1234]


def test_unstable_or_empty_readings_never_weigh() -> None:
    weighing = checkout_in(Phase.WEIGHING)
    for reading in (ev.ScaleRead(800, False, at(3)), ev.ScaleRead(0, True, at(3))):
        after, effects = weighing.handle(reading)
        assert (after.phase, effects) == (Phase.WEIGHING, [])


def test_a_reading_elsewhere_only_tracks_the_scale() -> None:
    shopping = run(checkout_in(Phase.WEIGHING), ev.ScaleRead(500, True, at(3)))
    shopping = run(shopping, scan(MILK, 4))
    assert shopping.phase is Phase.SHOPPING
    assert run(shopping, ev.ScaleRead(500, True, at(5))).on_scale_g == 500
    assert run(shopping, ev.ScaleRead(0, True, at(5))).on_scale_g is None
