"""`python -m socialready` runs the same CLI as the `socialready` command."""

from socialready.cli import main

main()
