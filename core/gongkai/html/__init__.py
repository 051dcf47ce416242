"""The HTML reader's parts: decoding a page, refusing hostile ones, parsing it safely with lxml,
expanding its tables' spans into grids and laying its text out as numbered lines.

Only :mod:`gongkai.readers.html` imports this package, and only when an HTML file is read, so
that the core works without lxml (the ``gongkai[html]`` extra).
"""
