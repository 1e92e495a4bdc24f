"""Controllers: own a view, call model services, run slow work off the GUI thread."""
