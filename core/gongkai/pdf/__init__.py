"""Reading PDF disclosures into a :class:`~gongkai.layout.Layout` (the ``gongkai[pdf]`` extra).

The reader interprets each page once with pdfminer.six and no text-box layout analysis, then does
its own grouping:

* :mod:`.interpret` — pdfminer's interpreter feeding a lean device: glyphs and ruling segments;
* :mod:`.glyphs` — CJK text as printed: radicals unified, fake-bold overprints removed, no spaces
  invented between Chinese characters;
* :mod:`.rows` — glyphs grouped into printed lines and into segments split at wide gaps;
* :mod:`.grid` — ruled tables from lines and rectangles, merged cells included;
* :mod:`.columns` — tables without rules, from the positions of their words;
* :mod:`.page` — a page as lines in reading order: table rows as cells, the rest as text;
* :mod:`.furniture` — page numbers, running headers and footers kept out of tables and text;
* :mod:`.document` — opening the file, the errors a PDF can raise, and the whole layout.

Nothing here is imported by the core unless a PDF is read, so the core works without pdfminer.
"""
