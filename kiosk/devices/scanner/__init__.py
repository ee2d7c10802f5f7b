"""Barcode scanners: the serial/USB-CDC frame parser, the HID keyboard-wedge decoder and
keymaps, the burst detector for key streams, and their drivers. A scanner delivers
``Scan`` values (raw code + AIM symbology identifier); the checkout parses GS1."""
