"""Qt widgets, item models and dialogs; they lay out and forward, never touch the database."""
