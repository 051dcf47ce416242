"""Built-in input readers. Each is a plugin module implementing ``gongkai_readers``."""
