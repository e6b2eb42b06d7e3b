"""The console's pages, one module each; ``add_routes(app, console)`` adds a page's routes."""
