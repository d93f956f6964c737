"""coplan: timed coplanning sessions for coteaching pairs, in the terminal."""

__version__ = "0.1.0"
