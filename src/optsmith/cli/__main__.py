"""`python -m optsmith.cli ...` runs the `optsmith` command."""

from optsmith.cli import main

main()
