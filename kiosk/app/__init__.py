"""The composition root: reads the config, builds the store, devices, payment and
sync, and wires the checkout's effects to them. The UI sits on top of it."""
