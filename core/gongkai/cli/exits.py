"""The exit codes of the command line, and their text as ``gongkai --help`` prints it."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BROKEN_PLUGIN = 6
EXIT_INTERRUPTED = 130
EXIT_CODES = """\
exit codes:
  0  every file was parsed (gongkai check: and no check found an error)
  1  gongkai check: a check found at least one error-level inconsistency
  2  usage error (unknown option, missing file argument)
  3  a file could not be read: empty, binary, not UTF-8/GB18030 text, missing, or a PDF
     without the pdf extra installed
  4  nothing in a readable file is recognised: no standard budget or final-accounts table, no
     title of one, no cover saying it is a disclosure (a 情况说明 published without its
     tables is parsed, with no tables: read it with its tables file using --together)
  5  the output could not be written: a file, a full disk, or a standard output whose reader
     left before the end (| head)
  6  a plugin is broken (a hook that matches no specification, two records with one name)
  7  internal error: gongkai or a plugin failed on a file (a bug: please report it)
  8  a file is over a limit: too large (raise with --max-size), too many pages (--max-pages),
     a page of too many objects (--max-objects), nested too deep (--max-depth), streams that
     inflate too much (--max-inflate), too long to parse (--timeout) or too much memory
     (--max-memory)
  9  a PDF is encrypted: it needs a password
 10  a PDF has no text layer (scanned pages): it needs OCR first
 11  a PDF's text does not decode (fonts without a usable Unicode map): it would be garbage
 12  a file is truncated or corrupt
 13  a file was refused as unsafe: entity declarations, external references, HTML nested
     deeper than libxml2 reads (256), a table grid of millions of cells
130  interrupted (Ctrl-C; gongkai batch: also SIGTERM): a batch run again continues where it stopped
With several files, the good ones are still parsed and written; the exit code is that of the
first file that failed (3-13), else 1 if a check found an error (gongkai check). Each failure is one line on
stderr: "gongkai: FILE: reason".
"""
