"""briefgen.cli."""
