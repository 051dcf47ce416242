"""Built-in exporters. Each is a plugin module implementing ``gongkai_exporters``."""
