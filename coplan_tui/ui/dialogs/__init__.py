"""Modal dialogs: they sit between screens (which open them) and widgets (which they use)."""
