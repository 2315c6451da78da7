"""kg's command line: click commands only, each a thin layer over the library (kg_cli)."""
