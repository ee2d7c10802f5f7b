"""The airport check-in journey, pure: the DCS contract and the check-in machine.

* :mod:`.dcs`: what the lane asks of an airline's departure control system;
* :mod:`.machine`: :class:`~.machine.CheckinMachine` (h11 style: a
  :class:`~.states.CheckinState` and an event from :mod:`.events` in, the new
  state and the :mod:`.effects` out; an illegal event raises
  :class:`~.states.IllegalEvent` naming the event and the step);
* :mod:`.interventions`: what stops for an agent and the verdicts that apply;
* :mod:`.record`: the check-in record and its schema-1 document for HQ;
* :mod:`.names` (tolerant name matching) and :mod:`.fees` (bag fees);
* the steps' handlers: :mod:`.identify`, :mod:`.documents`, :mod:`.seating`,
  :mod:`.bags`, :mod:`.paying`, :mod:`.resolving`, and :mod:`.steps` (what comes next).

No I/O, no clock: time is passed in. See docs/airport.md.
"""
