"""ESC/POS receipt printing.

``receipt`` (the model) -> ``layout`` (lines for a paper width) -> ``render``
(ESC/POS bytes via python-escpos) -> ``driver`` (queue, status, reprint) over
``links`` (USB, serial, network, file). ``status`` parses DLE EOT replies;
``interpreter`` (events in ``escpos_events``) and ``png`` read ESC/POS back
into a picture for ``sim``. Everything but ``driver``, ``links`` and ``sim``
is sans-IO.
"""

from kiosk.devices.printer.escpos_cache import import_escpos_capabilities

import_escpos_capabilities()  # before any module of this package imports python-escpos
