"""The commands: one module each, the CLI only wires them."""
