"""Writers that turn domain objects into files: pure functions, no store, no UI."""
