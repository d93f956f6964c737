"""Pure domain: models, catalogue, timebox arithmetic and rules.

Nothing here imports textual, tinydb or reads the clock: time is passed in.
"""
