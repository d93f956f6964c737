"""Textual stylesheets, shipped inside the wheel as coplan_tui.styles."""
