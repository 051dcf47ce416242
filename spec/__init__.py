"""Data files of the disclosure schema (tables.toml, document.schema.json), loaded by gongkai.canonical."""
