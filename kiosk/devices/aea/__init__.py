"""Common-use boarding pass (ATB) and bag tag (BTP) printers, AEA-style.

Airport kiosks share their printers between airlines: a boarding pass printer
(ATB, "automated ticket and boarding pass") and a bag tag printer (BTP) that
take the AEA command strings (named after the Association of European
Airlines, who published the specification; the 2008/2012 editions are the
ones printers such as IER, VidTroniX and Unimark quote). The specification is
sold, not published, and the public record of it is thin: a forum thread, test
strings in a few open-source kiosk tools and CUSS client libraries. This
package implements the part those show and says where it fills gaps with
choices of its own; a real printer may want details we could not see (framing
over its link, the exact status answer, the bag tag element syntax).

What the public record shows (and where)
----------------------------------------
* A *pectab* (parametric table) is a layout uploaded once; afterwards a print
  command carries only the data, element by element: "the table has an id in
  it and the data specifies which table it will use ... The data has just data
  preceded by an element number, for example ``06John Doe#``: 06 is the element
  number, John Doe is the data, the # is the element separator"; an element's
  position is a row letter (A to R) and a column number, plus a font
  (mcpressonline.com forum, "PECTAB Programming",
  https://mcpressonline.com/forum/forum/application-software/document-management/10270-pectab-programming).
* Boarding pass pectabs start ``PT##?`` + a two-character id + a version
  letter + ``#@;#`` + three coupon titles, then ``#``-terminated element
  definitions such as ``0525A02D`` (element 05, 25 characters at row A column
  02, font D) or ``0619E07E54D`` (one element printed at two positions); the
  print command that fills one starts ``CP#1C01#`` followed by ``NNvalue#``
  fields (the IER test strings of a kiosk peripheral tool on GitHub,
  ``bp_manager.java``: ``PT##?W8B#@;#T//#T//CI#T//CI#0101...#0401N02#0525A02D#``
  and ``CP#1C01#01W#05INK#06JHON SMITH#07LON#...``; the same header shape,
  ``PT##?G9N#@;#TICKT#CHKIN#BOARD#...``, in a CUPPS client's defaults). Barcode
  elements there look like ``20BSB441041`` / ``30BRE041041``: ``B``, a letter, a
  position and four digits of size.
* Bag tag pectabs are uploaded as ``BTT`` + id + version (``BTT0301[A 520195=#01B1...``)
  and printed with ``BTP`` + id + version + copies + ``#`` + data
  (``BTP030101#01...``) (Elevated CUSS Angular service README).
* Housekeeping: ``PC``/``PC<id>`` clears pectabs, ``PS`` lists them and the
  answer carries ``OK`` followed by the ids (two characters each on an ATB, four
  on a BTP); ``LC``/``LS`` do the same for logos and ``ES`` asks for the
  environment (elevationai/cuss2-ts, ``models/Printer.ts`` and
  ``BagTagPrinter.ts``). ``QS`` asks for the status, answered with
  ``;``-separated fields that tell online, paper and error (``bp_manager.java``).
* Over CUTE/ARINC links the strings travel in blocks with a checksum (same forum
  thread); locally attached printers take them over RS-232/USB-CDC or TCP.

Our wire subset (the choices the record leaves open are ours)
--------------------------------------------------------------
Every message, both ways, is one frame ``STX text ETX`` (0x02 ... 0x03) in
Latin-1, so a reader resynchronises on the next STX after line noise.

========================================  ====================================
host -> printer                           printer -> host
========================================  ====================================
``PT##?`` id(2) ver(1) ``#@;#`` titles,   ``PECTAB OK <id+ver>`` or ``ERR;...``
elements (ATB pectab)
``BTT`` id(2) ver(2) ``#`` elements        ``PECTAB OK <id+ver>`` or ``ERR;...``
(BTP pectab)
``CP#1C01#01<id+ver>#`` ``NNvalue#``...    ``OK`` once the pass is printed and
(print a boarding pass)                   presented, or ``ERR;<code>;<text>``
``BTP`` id(2) ver(2) copies(2) ``#``       same
``NNvalue#``... (print a bag tag)
``QS``                                    ``QS;<online 0/1>;<OK|LOW|OUT>;<jam 0/1>;<busy 0/1>``
``PS``                                    ``PSOK`` + the stored ids
``PC`` / ``PC<id+ver>``                   ``OK``
========================================  ====================================

Error codes: ``PAPEROUT``, ``PAPERJAM``, ``NOPECTAB``, ``DATA`` (a command the
printer cannot read), ``OFFLINE``. Element definitions follow the public shape:
text ``NN LL (row col)+ font`` and barcode ``NN B <symbology> row col MM HH``
where we use the letter after ``B`` for the symbology (``P`` PDF417, ``I``
Interleaved 2 of 5) and the four digits for module width (dots) and height
(rows); fonts ``A`` to ``E`` are sizes 1-4 (``B`` bold). Element ``01`` of a
``CP`` command names the pectab (the public example sends ``01W`` with pectab
``W8B``).

Modules: :mod:`.framing` (STX/ETX), :mod:`.pectab` (layouts, their text form
and parser), :mod:`.encoder` (host commands, the boarding pass and bag tag
fields), :mod:`.replies` (the printer's answers, parser and encoder),
:mod:`.commands` (the host commands parsed, for the simulator), :mod:`.driver`
(the devices), :mod:`.drivers` (registry builders), :mod:`.render` and
:mod:`.sim` (the simulator behind ``kiosk sim aea``).
"""
