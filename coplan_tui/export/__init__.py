"""Writers: pure functions from domain objects (or to-do rows) to text a person or a
calendar reads. Each module imports only what its format needs, so the fast CLI paths
stay fast."""
