"""Tests laid out like the code: see tests/README.md."""
