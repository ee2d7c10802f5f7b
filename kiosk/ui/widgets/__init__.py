"""Reusable touch widgets: buttons, keypad, keyboard, top bar, banners, overlays."""
