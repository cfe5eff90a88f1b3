"""The demo page and its static server (`python -m web.serve`)."""
