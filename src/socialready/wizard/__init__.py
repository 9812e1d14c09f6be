"""Asking the questions: the order, the prompts, the Ctrl-C state and the answers template."""
